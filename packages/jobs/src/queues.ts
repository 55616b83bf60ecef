import { createRequire } from 'node:module';
import type { EventEmitter } from 'node:events';
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
    // A producer brings its own client, which bee-queue then closes with the queue.
    redis: (consumer ? { url: connection.redisUrl } : guardedClient(connection.redisUrl)) as BeeQueue.QueueSettings['redis'],
    quitCommandClient: true,
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

/** bee-queue's Lua script loader (internal module; script SHAs are content hashes). */
const lua = createRequire(import.meta.url)('bee-queue/lib/lua') as { buildCache(client: unknown): Promise<void> };
/** node_redis v3, the client library bee-queue itself loads. */
const nodeRedis = createRequire(createRequire(import.meta.url).resolve('bee-queue'))('redis') as {
  createClient(options: { url: string }): EventEmitter;
};

/**
 * A node_redis client that always has an error listener. bee-queue drops its own listener when a
 * connection fails while it connects, and node_redis then emits a second error (the aborted ready
 * check) that nobody handles, which kills the process: a server whose Redis went away just as it
 * opened a producer (say, for the welcome mail at sign-up) would crash. The errors still reach the
 * callers through bee-queue's ready() and its `error` event.
 */
function guardedClient(url: string) {
  const client = nodeRedis.createClient({ url });
  client.on('error', () => {});
  return client;
}

export function openQueue<N extends JobName>(name: N, connection: QueueConnection, role: 'producer' | 'consumer') {
  const queue = new BeeQueue<JobPayload<N>>(name, queueSettings(connection, role));
  // bee-queue loads its Lua scripts once, at connect. A restarted Redis has forgotten them and every
  // command then fails with NOSCRIPT, so load them again whenever the client reconnects.
  queue.ready().then(
    () => {
      const client = (queue as unknown as { client: EventEmitter }).client;
      client.on('ready', () => void lua.buildCache(client).catch(() => {}));
    },
    () => {}, // reported by the callers' own ready() handlers
  );
  return queue;
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

const RETRYABLE = /NOSCRIPT|connection|ECONNREFUSED|ECONNRESET|closed/i;

/**
 * Saves the job, retrying briefly while Redis reconnects (a restart, a failover): the caller has
 * already stored the project, and a lost enqueue would leave it waiting forever.
 */
export async function enqueue<N extends JobName>(queue: BeeQueue<JobPayload<N>>, name: N, payload: JobPayload<N>, timeoutMs?: number) {
  for (let attempt = 0; ; attempt++) {
    try {
      await buildJob(queue, name, payload, timeoutMs).save();
      return;
    } catch (error) {
      if (attempt >= 5 || !RETRYABLE.test(String((error as Error).message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
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
export function lazyProducer<N extends JobName>(name: N, connection: QueueConnection) {
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
  const clipDetection = lazyProducer('clip-detection', connection);
  const videoExport = lazyProducer('video-export', connection);
  return {
    enqueueImport: async (projectId) => enqueue(await videoImport.get(), 'video-import', { projectId }, timeoutMs),
    enqueueTranscription: async (projectId, reason) => enqueue(await transcription.get(), 'transcription', { projectId, reason }, timeoutMs),
    enqueueClipDetection: async (projectId, reason) => enqueue(await clipDetection.get(), 'clip-detection', { projectId, reason }, timeoutMs),
    enqueueExport: async (exportId) => enqueue(await videoExport.get(), 'video-export', { exportId }, timeoutMs),
    close: async () => {
      await Promise.all([videoImport.close(), transcription.close(), clipDetection.close(), videoExport.close()]);
    },
  };
}
