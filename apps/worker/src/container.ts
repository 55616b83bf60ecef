import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { s3Options, type WorkerEnv } from '@clipforge/config';
import { openDatabase } from '@clipforge/db';
import { createPipelineQueue, RedisProgressBus } from '@clipforge/jobs';
import { createStorage, ffmpegAnalyzer, ffmpegCaptions, ffmpegClipRenderer, ffmpegTools, httpRemoteSource, openAiSpeechEngine } from '@clipforge/media';
import { ScoringPool } from '@clipforge/scoring';

export async function createWorkerContainer(env: WorkerEnv, log: Logger) {
  const db = await openDatabase({ url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE });
  const progress = new RedisProgressBus(env.REDIS_URL, env.REDIS_PREFIX);
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
  // Stages enqueue the next one (import → transcription) through the same producer as the server.
  const queue = createPipelineQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX }, env.JOB_TIMEOUT_MS);
  const ffmpeg = { ffmpeg: env.FFMPEG_PATH, ffprobe: env.FFPROBE_PATH };
  redis.on('error', (error) => log.warn({ err: error }, 'redis connection error'));
  const scorer = new ScoringPool({ maxThreads: env.SCORING_THREADS, maxQueue: env.SCORING_MAX_QUEUE, niceIncrement: 10 });
  return {
    env,
    log,
    db,
    progress,
    redis,
    storage: createStorage({ localDir: env.STORAGE_DIR, s3: s3Options(env), mediaSigningSecret: env.MEDIA_SIGNING_SECRET, mediaUrlTtlSeconds: 3600 }).storage,
    queue,
    media: ffmpegTools(ffmpeg),
    captions: ffmpegCaptions(ffmpeg),
    renderer: ffmpegClipRenderer(ffmpeg),
    analyzer: ffmpegAnalyzer(env.FFMPEG_PATH),
    scorer,
    speech: speechEngine(env, ffmpeg),
    remote: httpRemoteSource({ allowHosts: env.URL_IMPORT_ALLOW_HOSTS, maxBytes: env.MAX_UPLOAD_BYTES }),
    async close() {
      await Promise.allSettled([progress.close(), queue.close(), db.close(), scorer.close()]);
      redis.disconnect();
    },
  };
}

export type WorkerContainer = Awaited<ReturnType<typeof createWorkerContainer>>;

/** The configured speech-to-text engine, or null: then transcripts come from captions only. */
function speechEngine(env: WorkerEnv, ffmpeg: { ffmpeg: string; ffprobe: string }) {
  if (env.TRANSCRIPTION_ENGINE === 'none') return null;
  return openAiSpeechEngine(
    { baseURL: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY || 'not-needed', model: env.TRANSCRIPTION_MODEL, chunkSec: env.TRANSCRIPTION_CHUNK_SEC },
    ffmpeg,
  );
}
