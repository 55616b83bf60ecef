import os from 'node:os';
import { z } from 'zod';
import { executableProblem } from './executable.js';
import { whisperModelProblem } from './whisper-model.js';
import { emailEnv } from './email.js';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');
const redisUrl = z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL');

/** Links in mails and redirects start with it. */
const publicUrl = z.url('must be the URL users open, e.g. http://localhost:3000').default('http://localhost:3000');

/** Variables every backend process shares. */
export const commonEnv = z.object({
  /** S3 or MinIO instead of STORAGE_DIR when set, e.g. http://minio:9000. */
  S3_ENDPOINT: z.url().optional(),
  S3_PUBLIC_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).default('clipforge'),
  S3_ACCESS_KEY: z.string().default(''),
  S3_SECRET_KEY: z.string().default(''),
  S3_REGION: z.string().default('us-east-1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: logLevel,
  DATABASE_URL: postgresUrl,
  DB_POOL_SIZE: positiveInt.default(10),
  REDIS_URL: redisUrl,
  REDIS_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/i, 'letters, digits, ":", "_" or "-" only').default('cf'),
  STORAGE_DIR: z.string().min(1).default('.data/storage'),
  MEDIA_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JOB_TIMEOUT_MS: positiveInt.default(30 * 60 * 1000),
  MAX_UPLOAD_BYTES: positiveInt.default(2 * 1024 ** 3),
  /** Threads of the moment-scoring pool in each process (piscina). */
  SCORING_THREADS: positiveInt.default(1),
  /** Scoring tasks allowed to wait per process; beyond that a re-score answers "busy, retry". */
  SCORING_MAX_QUEUE: positiveInt.default(256),
  ...emailEnv.shape,
});

export const serverEnv = commonEnv.extend({
  HOST: z.string().default('0.0.0.0'),
  PORT: port.default(3001),
  SERVER_PROCESSES: positiveInt.default(os.availableParallelism()),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  PUBLIC_URL: publicUrl,
  MEDIA_URL_TTL_S: positiveInt.default(3600),
  /**
   * Proxies whose X-Forwarded-For is believed (proxy-addr syntax: loopback, uniquelocal, CIDRs,
   * comma-separated). The web app forwards the browser's address from the same host by default.
   */
  TRUST_PROXY: z.string().default('loopback'),
  /**
   * Multiplies every plan's requests-per-minute (and the signed-out budget). 1 keeps the published
   * limits; a single-tenant install may raise them, and the API benchmark does so that the limiter
   * still runs on every request without refusing any.
   */
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  /** Stripe: both set turns billing on; unset, the app runs with billing off and says so. */
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Another Stripe API endpoint (stripe-mock, tests); unset: api.stripe.com. */
  STRIPE_API_URL: z.url().optional(),
  /** Signing secret of the Resend webhook (POST /webhooks/resend): bounces and complaints. */
  RESEND_WEBHOOK_SECRET: z.string().optional(),
  /** Operators who may see the job monitoring API (comma-separated emails). */
  ADMIN_EMAILS: z
    .string()
    .default('')
    .transform((list) => new Set(list.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean))),
});

export const workerEnv = commonEnv
  .extend({
  PUBLIC_URL: publicUrl,
  EMAIL_CONCURRENCY: positiveInt.default(5),
  /** When the worker looks for scheduled mails (croner syntax, UTC); `off` leaves it to other workers. */
  LIFECYCLE_EMAIL_CRON: z.string().default('*/5 * * * *'),
  VIDEO_IMPORT_CONCURRENCY: positiveInt.default(3),
  TRANSCRIPTION_CONCURRENCY: positiveInt.default(2),
  CLIP_DETECTION_CONCURRENCY: positiveInt.default(5),
  VIDEO_EXPORT_CONCURRENCY: positiveInt.default(2),
  /** A job whose worker stops renewing its lock for this long is handed out again. */
  JOB_STALL_INTERVAL_MS: positiveInt.default(5000),
  /** After this many attempts that never finished (worker died or hung), the job fails. */
  JOB_MAX_STALLS: positiveInt.default(3),
  /** Hosts fetched even though they resolve to private addresses (comma-separated). */
  URL_IMPORT_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((h) => h.trim()).filter(Boolean)),
  /** yt-dlp for links to web pages (video sites): unset = `yt-dlp` from PATH if installed; off = never. */
  YTDLP_PATH: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = value && value !== 'off' ? executableProblem(value) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}: set it to the yt-dlp executable, or off, or leave it unset to use yt-dlp from PATH` });
    }),
  FFMPEG_PATH: z.string().default('ffmpeg'),
  FFPROBE_PATH: z.string().default('ffprobe'),
  /** none: captions only; openai: any OpenAI-compatible /audio/transcriptions API; whisper-cpp: local, WHISPER_MODEL_PATH. */
  TRANSCRIPTION_ENGINE: z.enum(['none', 'openai', 'whisper-cpp']).default('none'),
  OPENAI_BASE_URL: z.url().default('https://api.openai.com/v1'),
  OPENAI_API_KEY: z.string().default(''),
  TRANSCRIPTION_MODEL: z.string().min(1).default('whisper-1'),
  /** Audio is sent in pieces of about this many seconds, cut in silences (16 kHz FLAC: ~0.5 MB a minute). */
  TRANSCRIPTION_CHUNK_SEC: positiveInt.default(1200),
  /** whisper-cpp: a ggml model file the operator provides (nothing is ever downloaded). */
  WHISPER_MODEL_PATH: z.string().optional(),
  /** whisper-cpp: spoken language (ISO 639-1) or auto (detected; English-only models always use en). */
  WHISPER_LANGUAGE: z.string().regex(/^(auto|[a-z]{2,3})$/, 'must be auto or a language code such as en').default('auto'),
  })
  .refine((env) => env.TRANSCRIPTION_ENGINE !== 'openai' || env.OPENAI_API_KEY || !env.OPENAI_BASE_URL.includes('api.openai.com'), {
    message: 'required when TRANSCRIPTION_ENGINE=openai talks to api.openai.com',
    path: ['OPENAI_API_KEY'],
  })
  .superRefine((env, ctx) => {
    if (env.TRANSCRIPTION_ENGINE !== 'whisper-cpp') return;
    const problem = whisperModelProblem(env.WHISPER_MODEL_PATH);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['WHISPER_MODEL_PATH'] });
  });

export type CommonEnv = z.infer<typeof commonEnv>;
export type ServerEnv = z.infer<typeof serverEnv>;
export type WorkerEnv = z.infer<typeof workerEnv>;

/** The storage part of a process's env: S3 when S3_ENDPOINT is set, else the local directory. */
export function s3Options(env: CommonEnv) {
  if (!env.S3_ENDPOINT) return null;
  return {
    endpoint: env.S3_ENDPOINT,
    publicEndpoint: env.S3_PUBLIC_ENDPOINT,
    bucket: env.S3_BUCKET,
    accessKey: env.S3_ACCESS_KEY,
    secretKey: env.S3_SECRET_KEY,
    region: env.S3_REGION,
  };
}
