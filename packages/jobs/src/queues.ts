import BeeQueue from 'bee-queue';
import type { PipelineQueue } from '@clipforge/core';
import { jobId, jobPayloads, jobPolicies, type JobName, type JobPayload } from './names.js';

export interface QueueConnection {
  redisUrl: string;
  /** Keys live under `${prefix}:bq:` so several deployments (or test runs) share one Redis. */
  prefix: string;
  /** How long a consumer's lock on an active job lives without renewal before the job counts as stalled. */
  stallIntervalMs?: number;
}

function queueSettings(connection: QueueConnection, role: 'producer' | 'consumer'): BeeQueue.QueueSettings {
  const consumer = role === 'consumer';
  return {
    prefix: `${connection.prefix}:bq`,
    redis: { url: connection.redisUrl } as BeeQueue.QueueSettings['redis'],
    isWorker: consumer,
    getEvents: false,
    sendEvents: false,
    removeOnSuccess: true,
    removeOnFailure: false,
    // Only consumers promote delayed jobs; without it retry backoff never fires.
    activateDelayedJobs: consumer,
    stallInterval: connection.stallIntervalMs ?? 5000,
  };
}

export function openQueue<N extends JobName>(name: N, connection: QueueConnection, role: 'producer' | 'consumer') {
  return new BeeQueue<JobPayload<N>>(name, queueSettings(connection, role));
}

/** A validated job under its deterministic id with the queue's retry policy (not yet saved). */
function buildJob<N extends JobName>(queue: BeeQueue<JobPayload<N>>, name: N, payload: JobPayload<N>, timeoutMs?: number) {
  const data = jobPayloads[name].parse(payload) as JobPayload<N>;
  const policy = jobPolicies[name];
  const job = queue
    .createJob(data)
    .setId((jobId[name] as (p: JobPayload<N>) => string)(data))
    .retries(policy.retries)
    .backoff('exponential', policy.backoffMs);
  return timeoutMs ? job.timeout(timeoutMs) : job;
}

export async function enqueue<N extends JobName>(queue: BeeQueue<JobPayload<N>>, name: N, payload: JobPayload<N>, timeoutMs?: number) {
  await buildJob(queue, name, payload, timeoutMs).save();
}

/** Many jobs in one round trip (bee-queue saveAll). */
export async function enqueueMany<N extends JobName>(queue: BeeQueue<JobPayload<N>>, name: N, payloads: JobPayload<N>[], timeoutMs?: number) {
  const errors = await queue.saveAll(payloads.map((payload) => buildJob(queue, name, payload, timeoutMs)));
  if (errors.size) throw [...errors.values()][0];
}

/**
 * A producer connection opened on first use and reopened after a failed connect: bee-queue's
 * queue never recovers from a failed initial connection, and the server must not crash or stay
 * broken because Redis was down when it started.
 */
function lazyProducer<N extends JobName>(name: N, connection: QueueConnection) {
  let current: { queue: BeeQueue<JobPayload<N>>; ready: Promise<boolean> } | null = null;
  return {
    async get() {
      if (!current) {
        const queue = openQueue(name, connection, 'producer');
        queue.on('error', () => {}); // surfaced through ready() below and through /health
        const entry = { queue, ready: queue.ready().then(() => true, () => false) };
        current = entry;
        if (!(await entry.ready)) {
          current = null;
          void queue.close(0).catch(() => {});
          throw new Error(`cannot reach Redis for the ${name} queue`);
        }
      }
      await current.ready;
      return current.queue;
    },
    async close() {
      await current?.queue.close(1000).catch(() => {});
    },
  };
}

/** The pipeline port as the server sees it: producer-only connections. */
export function createPipelineQueue(connection: QueueConnection, timeoutMs: number): PipelineQueue & { close(): Promise<void> } {
  const videoImport = lazyProducer('video-import', connection);
  const transcription = lazyProducer('transcription', connection);
  const videoExport = lazyProducer('video-export', connection);
  return {
    enqueueImport: async (projectId) => enqueue(await videoImport.get(), 'video-import', { projectId }, timeoutMs),
    enqueueTranscription: async (projectId, reason) => enqueue(await transcription.get(), 'transcription', { projectId, reason }, timeoutMs),
    enqueueExport: async (exportId) => enqueue(await videoExport.get(), 'video-export', { exportId }, timeoutMs),
    close: async () => {
      await Promise.all([videoImport.close(), transcription.close(), videoExport.close()]);
    },
  };
}
