// Queue benchmark: 10k no-op jobs at concurrency 50 through ClipForge's own queue layer (payload
// validation, deterministic ids and retry policy on enqueue; the worker's consumer with payload
// validation, stall tracking in Redis and progress reporting), beside raw bee-queue on the same
// Redis in the same run. Prints jobs/s for both and the ratio; writes perf/results/queue-*.json.
//
//   npm run bench:queue        (the bootstrap provides REDIS_URL)
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BeeQueue from 'bee-queue';
import { pino } from 'pino';
import { AttemptTracker, enqueueMany, openQueue } from '@clipforge/jobs';
import { startConsumer } from '../apps/worker/dist/consumer.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const CONCURRENCY = 50;
const BATCH = 1000;

function finished(queue, count) {
  return new Promise((resolve, reject) => {
    let done = 0;
    queue.on('succeeded', () => ++done === count && resolve());
    queue.on('failed', (_job, error) => reject(error));
  });
}

async function raw(redisUrl, prefix) {
  const settings = { prefix, redis: { url: redisUrl }, getEvents: false, sendEvents: false, removeOnSuccess: true };
  const producer = new BeeQueue('bench-raw', { ...settings, isWorker: false });
  const consumer = new BeeQueue('bench-raw', { ...settings, isWorker: true });
  await Promise.all([producer.ready(), consumer.ready()]);
  const done = finished(consumer, JOBS);
  const started = performance.now();
  consumer.process(CONCURRENCY, async () => null);
  for (let i = 0; i < JOBS; i += BATCH) {
    await producer.saveAll(Array.from({ length: Math.min(BATCH, JOBS - i) }, () => producer.createJob({ projectId: randomUUID() })));
  }
  await done;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all([producer.close(), consumer.close()]);
  return seconds;
}

async function ours(redisUrl, prefix) {
  const attempts = AttemptTracker.connect(redisUrl, prefix, (error) => console.error(error));
  const connection = { redisUrl, prefix, stallIntervalMs: 5000 };
  const producer = openQueue('video-import', connection, 'producer');
  const registration = {
    concurrency: CONCURRENCY,
    handler: async (_job, reportProgress) => {
      reportProgress(100);
      return null;
    },
    onGaveUp: async () => {},
  };
  const consumer = startConsumer('video-import', registration, { connection, attempts, maxStalls: 3, log: pino({ level: 'silent' }) });
  await Promise.all([producer.ready(), consumer.ready()]);
  const done = finished(consumer, JOBS);
  const started = performance.now();
  for (let i = 0; i < JOBS; i += BATCH) {
    await enqueueMany(producer, 'video-import', Array.from({ length: Math.min(BATCH, JOBS - i) }, () => ({ projectId: randomUUID() })));
  }
  await done;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all([producer.close(), consumer.close()]);
  attempts.close();
  return seconds;
}

export async function benchQueue({ env = process.env, log = console.log } = {}) {
  if (!env.REDIS_URL) throw new Error('REDIS_URL is not set: run `npm run bench:queue`, which starts the embedded Redis.');
  const run = `bench-${Date.now().toString(36)}`;
  log(`${JOBS} no-op jobs at concurrency ${CONCURRENCY}, raw bee-queue then ClipForge's layer (Redis ${env.REDIS_URL})`);
  const rawSeconds = await raw(env.REDIS_URL, `${run}-raw`);
  const oursSeconds = await ours(env.REDIS_URL, `${run}-ours`);
  const rawRate = JOBS / rawSeconds;
  const oursRate = JOBS / oursSeconds;
  const ratio = oursRate / rawRate;
  const result = {
    timestamp: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    jobs: JOBS,
    concurrency: CONCURRENCY,
    raw: { seconds: rawSeconds, jobsPerSecond: rawRate },
    clipforge: { seconds: oursSeconds, jobsPerSecond: oursRate },
    ratio,
    target: { minRatio: 0.8, met: ratio >= 0.8 },
  };
  console.log(`raw bee-queue     ${rawRate.toFixed(0).padStart(7)} jobs/s  (${rawSeconds.toFixed(2)} s)`);
  console.log(`ClipForge layer   ${oursRate.toFixed(0).padStart(7)} jobs/s  (${oursSeconds.toFixed(2)} s)`);
  console.log(`${ratio >= 0.8 ? 'PASS' : 'MISS'}  ratio ${ratio.toFixed(2)}x (target >= 0.8x)`);
  const dir = path.join(ROOT, 'perf', 'results');
  await mkdir(dir, { recursive: true });
  const stamp = result.timestamp.replace(/:/g, '-');
  await writeFile(path.join(dir, `queue-${stamp}.json`), JSON.stringify(result, null, 2));
  await writeFile(path.join(dir, 'queue-latest.json'), JSON.stringify(result, null, 2));
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchQueue().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
