import type { Plan } from '../credits/plans.js';
import type { JobSlots, PipelineQueue, SlotJob } from '../ports/index.js';

export interface JobAdmissionDeps {
  slots: JobSlots;
  queue: PipelineQueue;
  planOf: (orgId: string) => Promise<Plan>;
}

/**
 * Fair use of the workers: an organization runs at most its plan's `concurrentJobs` imports and
 * renders at once; more wait in line (their own organization's, first come first served) instead
 * of being refused, and start as earlier ones finish. Transcription and moment detection follow
 * an import without a slot of their own.
 */
export class JobAdmission {
  constructor(private readonly deps: JobAdmissionDeps) {}

  /** Queues the job now, or lines it up behind the organization's running ones. */
  async submit(orgId: string, job: SlotJob): Promise<'queued' | 'waiting'> {
    const limit = (await this.deps.planOf(orgId)).concurrentJobs;
    if (!(await this.deps.slots.acquire(orgId, job, limit))) return 'waiting';
    try {
      await this.enqueue(job);
    } catch (error) {
      // The caller fails the job; its slot must not stay taken.
      await this.refill(orgId, job).catch(() => {});
      throw error;
    }
    return 'queued';
  }

  /** The job is starting (again): its slot's lease runs from now, so a long wait in the queue cannot lapse it. */
  started(job: SlotJob): Promise<void> {
    return this.deps.slots.renew(job);
  }

  /** The job is over (done, failed for good, or gone): its slot goes to the next in line. */
  async finished(job: SlotJob): Promise<void> {
    const orgId = await this.deps.slots.ownerOf(job);
    if (orgId) await this.refill(orgId, job);
  }

  /** Starts waiting jobs wherever slots are free; run periodically, in case a release was lost. */
  async sweep(): Promise<void> {
    for (const orgId of await this.deps.slots.waitingOrgs()) await this.refill(orgId, null);
  }

  private async refill(orgId: string, job: SlotJob | null) {
    const limit = (await this.deps.planOf(orgId)).concurrentJobs;
    for (const next of await this.deps.slots.release(orgId, job, limit)) {
      // Not queued after all: back to the front of the line, for the next hand-over or sweep.
      await this.enqueue(next).catch(() => this.deps.slots.putBack(orgId, next));
    }
  }

  private enqueue(job: SlotJob) {
    return job.kind === 'import' ? this.deps.queue.enqueueImport(job.id) : this.deps.queue.enqueueExport(job.id);
  }
}
