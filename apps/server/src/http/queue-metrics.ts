import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestActor } from '@clipforge/core';
import type { Container } from '../container.js';
import { sendError, sendJson } from './respond.js';

/**
 * The seed's REST shape of the job monitoring API (the same use cases as the `queues` tRPC router):
 *   GET /v1/queues/metrics · /v1/queues/:queue/metrics · /v1/queues/:queue/jobs/:jobId
 */
export async function handleQueueMetrics(container: Container, actor: RequestActor | null, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method !== 'GET') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET.', { allow: 'GET' });
  if (!actor) return sendError(res, 401, 'UNAUTHORIZED', 'Sign in as an operator to see the job queues.');
  if (actor.token) return sendError(res, 403, 'FORBIDDEN', 'API tokens cannot see the job queues: sign in as an operator.');
  if (!container.isAdmin(actor.email)) return sendError(res, 403, 'FORBIDDEN', 'Only operators can see the job queues.');
  const parts = url.pathname.split('/').slice(3).map(decodeURIComponent); // after /v1/queues/
  if (parts.length === 1 && parts[0] === 'metrics') return sendJson(res, 200, { queues: await container.queues.all() });
  if (parts.length === 2 && parts[1] === 'metrics') return sendJson(res, 200, await container.queues.one(parts[0]!));
  if (parts.length === 3 && parts[1] === 'jobs') return sendJson(res, 200, await container.queues.job(parts[0]!, parts[2]!));
  sendError(res, 404, 'NOT_FOUND', `No route for GET ${url.pathname}. Try /v1/queues/metrics.`);
}
