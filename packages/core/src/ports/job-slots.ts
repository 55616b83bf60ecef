/** A job that takes one of its organization's slots: a video import or a clip render. */
export interface SlotJob {
  kind: 'import' | 'export';
  /** The project id (import) or the export id. */
  id: string;
}

/**
 * Each organization's jobs at once, shared by every server and worker process. Jobs beyond the
 * limit wait in the order they came, per organization; a slot whose job vanished frees itself
 * after its lease.
 */
export interface JobSlots {
  /** Takes a slot for `job` (true: run it now) or puts it at the back of the organization's line (false). */
  acquire(orgId: string, job: SlotJob, limit: number): Promise<boolean>;
  /** The organization a job took its slot for (or waits for one under), if any. */
  ownerOf(job: SlotJob): Promise<string | null>;
  /** Frees `job`'s slot (null: none, just refill) and answers the waiting jobs that may run now. */
  release(orgId: string, job: SlotJob | null, limit: number): Promise<SlotJob[]>;
  /** Returns a job given a slot by `release` that could not be queued to the front of the line. */
  putBack(orgId: string, job: SlotJob): Promise<void>;
  /** Restarts the lease of the job's slot, if it holds one. */
  renew(job: SlotJob): Promise<void>;
  /** Organizations with jobs waiting (for the periodic refill that repairs a lost release). */
  waitingOrgs(): Promise<string[]>;
}
