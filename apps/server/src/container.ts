import pg from 'pg';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  ApiTokenService,
  BillingService,
  CreditService,
  EmailService,
  EmailSettingsService,
  ExportService,
  JobAdmission,
  MomentService,
  PLANS,
  ProjectService,
  QueueAdminService,
  TranscriptService,
  TRIAL_DAYS,
  UnsubscribeTokens,
} from '@clipforge/core';
import { s3Options, unsubscribeSecret, type ServerEnv } from '@clipforge/config';
import { createActorResolver, createAuth, membershipKey } from '@clipforge/auth';
import { openDatabase } from '@clipforge/db';
import { createEmailQueue, createPipelineQueue, RedisJobSlots, RedisProgressBus, RedisQueueMonitor, slotLeaseMs } from '@clipforge/jobs';
import { createStorage, parseCaptionFile } from '@clipforge/media';
import { ScoringPool } from '@clipforge/scoring';
import { RedisRateLimiter, TwoLevelCache } from '@clipforge/cache';
import { StripeGateway, StripeWebhook, stripeClient } from '@clipforge/billing';
import { ResendWebhook } from '@clipforge/emails';
import { createRequestActorResolver } from './http/actor.js';

/** Wires the server's adapters to the domain. One per server process. */
export async function createContainer(env: ServerEnv, log: Logger) {
  const db = await openDatabase({
    url: env.DATABASE_URL,
    poolSize: env.DB_POOL_SIZE,
    logger: (message) => log.debug({ orm: true }, message),
  });
  // better-auth talks to the same database through its own small pool.
  const authPool = new pg.Pool({ connectionString: env.DATABASE_URL, max: Math.max(2, Math.ceil(env.DB_POOL_SIZE / 2)) });
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 1000, enableOfflineQueue: false });
  redis.on('error', (error) => log.warn({ err: error }, 'redis connection error'));
  const { storage, local, mediaUrl } = createStorage({
    localDir: env.STORAGE_DIR,
    s3: s3Options(env),
    mediaSigningSecret: env.MEDIA_SIGNING_SECRET,
    mediaUrlTtlSeconds: env.MEDIA_URL_TTL_S,
  });
  const cache = new TwoLevelCache({
    redisUrl: env.REDIS_URL,
    prefix: env.REDIS_PREFIX,
    onError: (error) => log.warn({ err: error }, 'cache unavailable; reading from the source'),
  }).start();
  const rateLimiter = new RedisRateLimiter(env.REDIS_URL, env.REDIS_PREFIX, (error) => log.warn({ err: error }, 'rate limiter store unavailable'));
  const queue = createPipelineQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX }, env.JOB_TIMEOUT_MS);
  const progress = new RedisProgressBus(env.REDIS_URL, env.REDIS_PREFIX);
  const emailQueue = createEmailQueue({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX });
  const emails = new EmailService({
    sends: db.emails.sends,
    recipients: db.emails.recipients,
    queue: emailQueue,
    onEnqueueError: (error, sendId) => log.warn({ err: error, sendId }, 'mail claimed but not enqueued; the worker enqueues it again later'),
  });
  const emailSettings = new EmailSettingsService({
    preferences: db.emails.preferences,
    tokens: new UnsubscribeTokens(unsubscribeSecret(env)),
    // Without a Resend key, mails land in the dev outbox, which the web app shows.
    outbox: env.RESEND_API_KEY ? null : db.emails.outbox,
  });
  const auth = createAuth({
    pool: authPool,
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.PUBLIC_URL,
    onMembershipChange: async (userId) => {
      await Promise.all([cache.invalidate(membershipKey(userId)), tokens.forgetCreator(userId)]);
    },
    onUserCreated: (user) =>
      void emails
        .request(user.id, 'welcome', 'once', { trialDays: TRIAL_DAYS, trialCredits: PLANS.FREE.monthlyCredits })
        .catch((error: unknown) => log.error({ err: error, userId: user.id }, 'could not ask for the welcome mail')),
  });
  const tokens = new ApiTokenService({ tokens: db.apiTokens, cache });
  const credits = new CreditService(db.credits, cache);
  const slots = new RedisJobSlots(env.REDIS_URL, env.REDIS_PREFIX, slotLeaseMs(env.JOB_TIMEOUT_MS));
  const admission = new JobAdmission({ slots, queue, planOf: (orgId) => credits.planOf(orgId) });
  const projects = new ProjectService({
    projects: db.projects,
    transcripts: db.transcripts,
    moments: db.moments,
    storage,
    admission,
    progress,
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    planOf: (orgId) => credits.planOf(orgId),
  });
  // The server only parses caption files; extracting embedded ones is the worker's job.
  const transcripts = new TranscriptService({ projects, transcripts: db.transcripts, storage, captions: { parseCaptions: parseCaptionFile }, queue });
  const exports = new ExportService({ projects, exports: db.exports, transcripts: db.transcripts, admission });
  // Re-scoring runs on threads at a lower CPU priority, so HTTP stays responsive under load.
  const scorer = new ScoringPool({ maxThreads: env.SCORING_THREADS, maxQueue: env.SCORING_MAX_QUEUE, niceIncrement: 10 });
  const moments = new MomentService({ projects, transcripts: db.transcripts, moments: db.moments, scorer });

  return {
    env,
    log,
    db,
    redis,
    storage,
    /** The local directory the /media route serves; null when files live in S3 (presigned URLs instead). */
    localStorage: local,
    auth,
    resolveActor: createRequestActorResolver(createActorResolver({ auth, pool: authPool, cache }), tokens),
    tokens,
    projects,
    transcripts,
    exports,
    moments,
    credits,
    /** Null when Stripe is not configured: billing is off and the app says so. */
    billing: billing(env, db, credits, emails),
    emails,
    emailSettings,
    /** Null without RESEND_WEBHOOK_SECRET: the Resend webhook answers 503. */
    resendWebhook: env.RESEND_WEBHOOK_SECRET ? new ResendWebhook(env.RESEND_WEBHOOK_SECRET) : null,
    rateLimiter,
    queues: new QueueAdminService(new RedisQueueMonitor(redis, env.REDIS_PREFIX)),
    isAdmin: (email: string) => env.ADMIN_EMAILS.has(email.toLowerCase()),
    mediaUrl,
    async close() {
      await Promise.allSettled([queue.close(), emailQueue.close(), progress.close(), authPool.end(), db.close(), scorer.close(), cache.close()]);
      rateLimiter.close();
      slots.close();
      redis.disconnect();
    },
  };
}

export type Container = Awaited<ReturnType<typeof createContainer>>;

/** Stripe when both keys are set; otherwise null, and billing is off. */
function billing(env: ServerEnv, db: Awaited<ReturnType<typeof openDatabase>>, credits: CreditService, emails: EmailService) {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return null;
  const stripe = stripeClient(env.STRIPE_SECRET_KEY, env.STRIPE_API_URL);
  return {
    webhook: new StripeWebhook(stripe, env.STRIPE_WEBHOOK_SECRET),
    service: new BillingService({ store: db.billing, credits, gateway: new StripeGateway(stripe), returnUrl: `${env.PUBLIC_URL}/credits`, emails }),
  };
}
