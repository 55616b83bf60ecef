import type { Logger } from 'pino';
import { EnvError, s3Options, unsubscribeSecret, type WorkerEnv } from '@clipforge/config';
import { CreditService, EmailService, JobAdmission, LifecycleScheduler, UnsubscribeTokens, type Mailer, type SpeechEngine } from '@clipforge/core';
import { OutboxMailer, reactEmailRenderer, ResendMailer } from '@clipforge/emails';
import { openDatabase } from '@clipforge/db';
import { createEmailQueue, createPipelineQueue, RedisJobSlots, RedisProgressBus, slotLeaseMs } from '@clipforge/jobs';
import {
  createStorage,
  faceApiTracker,
  ffmpegAnalyzer,
  ffmpegCaptions,
  ffmpegClipRenderer,
  ffmpegTools,
  findYtDlp,
  httpRemoteSource,
  openAiSpeechEngine,
  openWhisperCppEngine,
  WhisperSetupError,
} from '@clipforge/media';
import { ScoringPool } from '@clipforge/scoring';
import { TwoLevelCache } from '@clipforge/cache';

export async function createWorkerContainer(env: WorkerEnv, log: Logger) {
  const ffmpeg = { ffmpeg: env.FFMPEG_PATH, ffprobe: env.FFPROBE_PATH };
  // First: a whisper model that cannot load stops the worker before it connects to anything.
  const speech = await speechEngine(env, ffmpeg, log);
  const db = await openDatabase({ url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE });
  const progress = new RedisProgressBus(env.REDIS_URL, env.REDIS_PREFIX);
  // Stages enqueue the next one (import → transcription) through the same producer as the server.
  const queue = createPipelineQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX }, env.JOB_TIMEOUT_MS);
  // The worker only invalidates (its credit changes reach every server's cached balance).
  const cache = new TwoLevelCache({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX, onError: (error) => log.warn({ err: error }, 'cache unavailable') });
  const credits = new CreditService(db.credits, cache);
  const slots = new RedisJobSlots(env.REDIS_URL, env.REDIS_PREFIX, slotLeaseMs(env.JOB_TIMEOUT_MS));
  const scorer = new ScoringPool({ maxThreads: env.SCORING_THREADS, maxQueue: env.SCORING_MAX_QUEUE, niceIncrement: 10 });
  const emailQueue = createEmailQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  const emails = new EmailService({
    sends: db.emails.sends,
    recipients: db.emails.recipients,
    queue: emailQueue,
    onEnqueueError: (error, sendId) => log.warn({ err: error, sendId }, 'mail claimed but not enqueued; the scheduler enqueues it again'),
  });
  const mailer = createMailer(env, db, log);
  return {
    env,
    log,
    db,
    progress,
    storage: createStorage({ localDir: env.STORAGE_DIR, s3: s3Options(env), mediaSigningSecret: env.MEDIA_SIGNING_SECRET, mediaUrlTtlSeconds: 3600 }).storage,
    queue,
    media: ffmpegTools(ffmpeg),
    captions: ffmpegCaptions(ffmpeg),
    renderer: ffmpegClipRenderer(ffmpeg),
    credits,
    /** Each organization's imports and renders at once: finished jobs hand their slot on. */
    admission: new JobAdmission({ slots, queue, planOf: (orgId) => credits.planOf(orgId) }),
    analyzer: ffmpegAnalyzer(env.FFMPEG_PATH),
    faces: faceApiTracker(env.FFMPEG_PATH),
    scorer,
    speech,
    emails,
    /** What the `email` job needs to send one claimed mail. */
    delivery: {
      sends: db.emails.sends,
      recipients: db.emails.recipients,
      preferences: db.emails.preferences,
      renderer: reactEmailRenderer,
      mailer,
      tokens: new UnsubscribeTokens(unsubscribeSecret(env)),
      appUrl: env.PUBLIC_URL,
    },
    scheduler: new LifecycleScheduler({ audience: db.emails.audience, emails, sends: db.emails.sends, queue: emailQueue }),
    remote: httpRemoteSource({ allowHosts: env.URL_IMPORT_ALLOW_HOSTS, maxBytes: env.MAX_UPLOAD_BYTES, ytDlp: ytDlp(env, log) }),
    async close() {
      await Promise.allSettled([progress.close(), queue.close(), emailQueue.close(), db.close(), scorer.close(), cache.close(), speech?.close?.()]);
      slots.close();
    },
  };
}

export type WorkerContainer = Awaited<ReturnType<typeof createWorkerContainer>>;

/** Resend when a key is set; otherwise the dev outbox (the log says which). */
function createMailer(env: WorkerEnv, db: Awaited<ReturnType<typeof openDatabase>>, log: Logger): Mailer {
  if (env.RESEND_API_KEY) {
    log.info('mail goes out through Resend');
    return new ResendMailer({ apiKey: env.RESEND_API_KEY, from: env.EMAIL_FROM, baseUrl: env.RESEND_BASE_URL });
  }
  log.info('RESEND_API_KEY is not set: mails go to the dev outbox (shown in the web app)');
  return new OutboxMailer(db.emails.outbox);
}

/** The configured speech-to-text engine, or null: then transcripts come from captions only. */
async function speechEngine(env: WorkerEnv, ffmpeg: { ffmpeg: string; ffprobe: string }, log: Logger): Promise<(SpeechEngine & { close?: () => Promise<void> }) | null> {
  if (env.TRANSCRIPTION_ENGINE === 'none') return null;
  if (env.TRANSCRIPTION_ENGINE === 'whisper-cpp') {
    const options = { modelPath: env.WHISPER_MODEL_PATH!, language: env.WHISPER_LANGUAGE, chunkSec: env.TRANSCRIPTION_CHUNK_SEC, onLog: (level: string, text: string) => log.debug({ level, whisper: text }, 'whisper.cpp') };
    return openWhisperCppEngine(options, ffmpeg).catch((error: unknown) => {
      throw error instanceof WhisperSetupError ? new EnvError('apps/worker', [error.message]) : error;
    });
  }
  return openAiSpeechEngine(
    { baseURL: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY || 'not-needed', model: env.TRANSCRIPTION_MODEL, chunkSec: env.TRANSCRIPTION_CHUNK_SEC },
    ffmpeg,
  );
}

/** yt-dlp for links to web pages, when installed and not switched off; the log says which. */
function ytDlp(env: WorkerEnv, log: Logger) {
  const path = findYtDlp(env.YTDLP_PATH);
  if (path) log.info({ ytDlp: path }, 'links to web pages are imported with yt-dlp');
  else log.info('yt-dlp not available (YTDLP_PATH): links to web pages are refused, direct media links still work');
  // Below the job timeout, so a slow site fails the import with a reason instead of timing out the job.
  return path ? { path, ffmpegPath: env.FFMPEG_PATH, timeoutMs: Math.floor(env.JOB_TIMEOUT_MS * 0.8) } : null;
}
