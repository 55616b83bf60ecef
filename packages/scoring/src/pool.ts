import { Piscina } from 'piscina';
import { DomainError, type MomentCandidate, type MomentScorer, type ScoringRequest, type ScoringResult } from '@clipforge/core';
import type { ScoringTask, ScoringTaskResult } from './worker.js';

export interface ScoringPoolOptions {
  maxThreads: number;
  /** Tasks allowed to wait; more are refused at once instead of piling up. */
  maxQueue: number;
  /** Scheduling priority below the process's, so HTTP and job plumbing stay responsive (Linux nice). */
  niceIncrement: number;
  /** A task still running after this long is abandoned with an error (default 60 s). */
  taskTimeoutMs?: number;
}

/** Moment scoring on worker threads; the event loop only posts tasks and awaits results. */
export class ScoringPool implements MomentScorer {
  private readonly pool: Piscina<ScoringTask, ScoringTaskResult>;
  private readonly taskTimeoutMs: number;

  constructor(options: ScoringPoolOptions) {
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
    this.pool = new Piscina({
      // Compiled output, never TypeScript: threads load dist/worker.js.
      filename: new URL('./worker.js', import.meta.url).href,
      maxThreads: options.maxThreads,
      // No thread until the first task: most processes score rarely, and start-up stays cheap.
      minThreads: 0,
      maxQueue: options.maxQueue,
      niceIncrement: options.niceIncrement,
      idleTimeout: 60_000,
    });
  }

  async score(request: ScoringRequest): Promise<{ result: ScoringResult; cpuMs: number; cached: boolean }> {
    const { result, cpuMs, cached } = await this.runWithMaterial(request, { kind: 'score' });
    return { result: result as ScoringResult, cpuMs, cached };
  }

  async scoreClip(request: ScoringRequest, startMs: number, endMs: number): Promise<MomentCandidate | null> {
    const { result } = await this.runWithMaterial(request, { kind: 'score-clip', startMs, endMs });
    return result as MomentCandidate | null;
  }

  get queued() {
    return this.pool.queueSize;
  }

  close() {
    return this.pool.close();
  }

  /**
   * Asks with the cache key alone first; only a thread without that analysis makes the caller
   * load and send the words (loading and structured-cloning them is main-thread work).
   */
  private async runWithMaterial(request: ScoringRequest, task: Pick<ScoringTask, 'kind' | 'startMs' | 'endMs'>) {
    const base = { ...task, cacheKey: request.cacheKey, steering: request.steering };
    const first = request.cacheKey ? await this.run({ ...base, material: null }) : { missing: true as const };
    const answer = first.missing ? await this.run({ ...base, material: await request.load() }) : first;
    if (answer.missing) throw new Error('a scoring thread answered "missing" for a task that carried its material');
    return answer;
  }

  private async run(task: ScoringTask) {
    // Refused up front rather than queued without bound: the caller answers "busy, retry".
    if (this.pool.queueSize >= this.pool.options.maxQueue) {
      throw new DomainError('UNAVAILABLE', 'Scoring is busy right now; try again in a few seconds.');
    }
    try {
      return await this.pool.run(task, { signal: AbortSignal.timeout(this.taskTimeoutMs) });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw new DomainError('UNAVAILABLE', 'Scoring took too long; try again shortly.');
      throw error;
    }
  }
}
