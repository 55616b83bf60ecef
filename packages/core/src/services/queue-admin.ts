import { DomainError } from '../errors.js';
import type { QueueCounts, QueuedJobState, QueueMonitor } from '../ports/index.js';

/** The job monitoring use cases (admin only; the caller checks the role). */
export class QueueAdminService {
  constructor(private readonly monitor: QueueMonitor) {}

  all(): Promise<QueueCounts[]> {
    return Promise.all(this.monitor.queueNames().map((name) => this.monitor.counts(name)));
  }

  one(queue: string): Promise<QueueCounts> {
    this.known(queue);
    return this.monitor.counts(queue);
  }

  async job(queue: string, jobId: string): Promise<QueuedJobState> {
    this.known(queue);
    const job = await this.monitor.job(queue, jobId);
    if (!job) throw new DomainError('NOT_FOUND', `No job "${jobId}" in ${queue}. Jobs are removed once they succeed.`);
    return job;
  }

  private known(queue: string) {
    if (!this.monitor.queueNames().includes(queue)) {
      throw new DomainError('NOT_FOUND', `No queue "${queue}". Queues: ${this.monitor.queueNames().join(', ')}.`);
    }
  }
}
