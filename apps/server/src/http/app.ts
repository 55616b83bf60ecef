import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { pinoHttp } from 'pino-http';
import { appRouter, type ApiContext } from '@clipforge/api';
import { isDomainError } from '@clipforge/core';
import { toNodeHandler } from '@clipforge/auth';
import type { Container } from '../container.js';
import { createHealth } from './health.js';
import { handleUpload } from './uploads.js';
import { handleMedia } from './media.js';
import { handleQueueMetrics } from './queue-metrics.js';
import { createTusUploads, TUS_PATH } from './tus-uploads.js';
import { sendError } from './respond.js';
import { createMetrics } from './metrics.js';
import { createRateLimit } from './rate-limit.js';
import { handleStripeWebhook } from './stripe-webhook.js';
import { handleUnsubscribe, UNSUBSCRIBE_PATH } from './unsubscribe.js';
import { handleResendWebhook } from './resend-webhook.js';

const STATUS_OF: Record<string, number> = { NOT_FOUND: 404, BAD_INPUT: 400, PAYLOAD_TOO_LARGE: 413, PAYMENT_REQUIRED: 402, FORBIDDEN: 403, UNAUTHENTICATED: 401, CONFLICT: 409, UNAVAILABLE: 503 };

/** The HTTP surface of one server process. `/health/live` is answered before anything else runs. */
export function createRequestHandler(container: Container, isShuttingDown: () => boolean) {
  const health = createHealth(container, isShuttingDown);
  const metrics = createMetrics();
  const auth = toNodeHandler(container.auth);
  const httpLog = pinoHttp({
    logger: container.log,
    // Per-request loggers carry only the request id: binding the whole request costs every call.
    quietReqLogger: true,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
  // One session lookup per request, shared by the rate limiter and the procedures.
  const actors = new WeakMap<IncomingMessage, ReturnType<typeof container.resolveActor>>();
  const actorOf = (req: IncomingMessage) => {
    let actor = actors.get(req);
    if (!actor) actors.set(req, (actor = container.resolveActor(req.headers)));
    return actor;
  };
  const admit = createRateLimit(container, actorOf);
  const tus = createTusUploads(container);

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: 8 * 1024 * 1024, // caption files arrive as JSON (5 MB of text at most)
    createContext: ({ req }): ApiContext => {
      let actor: ReturnType<typeof actorOf> | null = null;
      return {
        requestId: String(req.id ?? ''),
        getActor: () => (actor ??= actorOf(req)),
        isAdmin: container.isAdmin,
        projects: container.projects,
        transcripts: container.transcripts,
        exports: container.exports,
        moments: container.moments,
        credits: container.credits,
        billing: container.billing?.service ?? null,
        queues: container.queues,
        tokens: container.tokens,
        emails: container.emailSettings,
        mediaUrl: container.mediaUrl,
      };
    },
    onError: ({ error, path, req }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') req.log?.error({ err: error.cause ?? error, path }, 'tRPC procedure failed');
    },
  });

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = req.url ?? '/';
    if (path === '/health/live') return health.live(res);
    httpLog(req, res);
    const url = new URL(path, 'http://internal');
    try {
      await container.db.withContext(async () => {
        if (url.pathname === '/health/ready') return health.ready(res);
        if (url.pathname === '/health') return health.full(res);
        if (url.pathname === '/metrics') return metrics(res);
        if (url.pathname.startsWith('/trpc/')) return (await admit(req, res, url.pathname)) ? trpc(req, res) : undefined;
        if (url.pathname.startsWith('/api/auth/')) return auth(req, res);
        if (url.pathname === TUS_PATH || url.pathname.startsWith(`${TUS_PATH}/`)) return tus.handle(req, res);
        if (url.pathname === '/uploads' && !(await admit(req, res, url.pathname))) return;
        if (url.pathname === '/uploads') return handleUpload(container, await actorOf(req), req, res, url);
        if (url.pathname.startsWith('/media/')) return handleMedia(container, req, res, url);
        if (url.pathname === '/webhooks/stripe') return handleStripeWebhook(container, req, res);
        if (url.pathname === '/webhooks/resend') return handleResendWebhook(container, req, res);
        if (url.pathname === UNSUBSCRIBE_PATH) return handleUnsubscribe(container, req, res, url);
        if (url.pathname.startsWith('/v1/queues/')) return handleQueueMetrics(container, await actorOf(req), req, res, url);
        sendError(res, 404, 'NOT_FOUND', `No route for ${req.method} ${url.pathname}.`);
      });
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      if (isDomainError(error)) {
        return sendError(res, STATUS_OF[error.code] ?? 400, error.code, error.message);
      }
      req.log.error({ err: error }, 'request failed');
      sendError(res, 500, 'INTERNAL', `Something went wrong on our side. Try again; if it keeps failing, report request id ${String(req.id)}.`);
    }
  };
}
