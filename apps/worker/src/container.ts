import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { WorkerEnv } from '@clipforge/config';
import { openDatabase } from '@clipforge/db';
import { RedisProgressBus } from '@clipforge/jobs';
import { ffmpegTools, httpRemoteSource, LocalBlobStorage } from '@clipforge/media';

export async function createWorkerContainer(env: WorkerEnv, log: Logger) {
  const db = await openDatabase({ url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE });
  const progress = new RedisProgressBus(env.REDIS_URL, env.REDIS_PREFIX);
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
  redis.on('error', (error) => log.warn({ err: error }, 'redis connection error'));
  return {
    env,
    log,
    db,
    progress,
    redis,
    storage: new LocalBlobStorage(env.STORAGE_DIR),
    media: ffmpegTools({ ffmpeg: env.FFMPEG_PATH, ffprobe: env.FFPROBE_PATH }),
    remote: httpRemoteSource({ allowHosts: env.URL_IMPORT_ALLOW_HOSTS, maxBytes: env.MAX_UPLOAD_BYTES }),
    async close() {
      await Promise.allSettled([progress.close(), db.close()]);
      redis.disconnect();
    },
  };
}

export type WorkerContainer = Awaited<ReturnType<typeof createWorkerContainer>>;
