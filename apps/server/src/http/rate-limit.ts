import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyaddr from 'proxy-addr';
import { isDomainError, PLANS, type RateDecision } from '@clipforge/core';
import { hasCredentials } from './actor.js';
import type { Container } from '../container.js';
import { sendError } from './respond.js';

// The tRPC path's own liveness probe (benchmarks, uptime checks) is not an API call to budget.
const EXEMPT = new Set(['/trpc/system.ping']);

/**
 * One shared per-minute budget per organization (its plan's limit) or, signed out, per client
 * address. Every answer carries RateLimit-Policy and RateLimit (IETF draft) headers; a refused
 * request gets 429 with Retry-After.
 */
export function createRateLimit(container: Container, actorOf: (req: IncomingMessage) => ReturnType<Container['resolveActor']>) {
  // The client's address: X-Forwarded-For counts only when it comes from a trusted proxy (the web app).
  const trusted = proxyaddr.compile(container.env.TRUST_PROXY.split(',').map((entry) => entry.trim()).filter(Boolean));
  const scaled = (perMinute: number) => Math.max(1, Math.round(perMinute * container.env.RATE_LIMIT_SCALE));
  // Signed-out callers get the FREE plan's budget, per client address.
  const anonymousLimit = scaled(PLANS.FREE.rateLimitPerMinute);
  return async function admit(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (EXEMPT.has(pathname)) return true;
    // A bad token counts against the caller's address; the route itself then answers 401.
    const actor = hasCredentials(req)
      ? await actorOf(req).catch((error: unknown) => {
          if (isDomainError(error) && error.code === 'UNAUTHENTICATED') return null;
          throw error;
        })
      : null;
    const [key, limit] = actor
      ? [`org:${actor.orgId}`, scaled(PLANS[(await container.credits.account(actor.orgId)).plan].rateLimitPerMinute)]
      : [`ip:${proxyaddr(req, trusted)}`, anonymousLimit];
    const decision = await container.rateLimiter.consume(key, limit);
    const headers = rateLimitHeaders(decision);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (decision.allowed) return true;
    const retryAfter = String(Math.max(1, Math.ceil(decision.resetMs / 1000)));
    sendError(res, 429, 'TOO_MANY_REQUESTS', `Too many requests: ${limit} a minute on this plan. Try again in ${retryAfter} s, or upgrade for a higher limit.`, {
      'retry-after': retryAfter,
    });
    return false;
  };
}

export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  const reset = Math.max(0, Math.ceil(d.resetMs / 1000));
  return { 'ratelimit-policy': `"minute";q=${d.limit};w=60`, ratelimit: `"minute";r=${d.remaining};t=${reset}` };
}
