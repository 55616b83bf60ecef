import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import type { Cache } from '@clipforge/core';
import type { Auth } from './auth.js';

export interface SessionActor {
  userId: string;
  email: string;
  orgId: string;
}

interface SessionUser {
  userId: string;
  email: string;
  activeOrgId: string | null;
}

export interface ActorResolverOptions {
  auth: Auth;
  pool: pg.Pool;
  /** Shared cache for memberships; `membershipKey` entries are invalidated when a membership changes. */
  cache: Cache;
  /**
   * How long this process trusts a session it has verified. better-auth's own cookie cache already
   * trusts a signed session for 60 s without the database; this skips re-verifying its signatures.
   */
  sessionTtlMs?: number;
}

const SESSION_COOKIE = /(?:^|;\s*)((?:__Secure-)?better-auth\.(?:session_token|session_data)=[^;]*)/g;
const MEMBERSHIP_TTL_S = 300;

export const membershipKey = (userId: string) => `auth:memberships:${userId}`;

/**
 * Resolves the signed-in user and the organization the request acts for, or null when signed out.
 * Without an active organization the user's first membership is used. Verified sessions are kept
 * in this process for a few seconds, keyed by the session cookies themselves (a changed active
 * organization comes with a new session_data cookie, so it is a new key). Memberships come from the
 * shared cache, which is invalidated whenever one changes (see auth.ts), so a member removed from
 * an organization loses access at once.
 */
export function createActorResolver({ auth, pool, cache, sessionTtlMs = 30_000 }: ActorResolverOptions) {
  const sessions = new LRUCache<string, SessionUser>({ max: 10_000, ttl: sessionTtlMs });
  const memberships = (userId: string) =>
    cache.getOrLoad(membershipKey(userId), MEMBERSHIP_TTL_S, async () => {
      const { rows } = await pool.query<{ organizationId: string }>(
        `select "organizationId" from "member" where "userId" = $1 order by "createdAt" asc`,
        [userId],
      );
      return rows.map((r) => r.organizationId);
    });

  async function sessionUser(headers: IncomingHttpHeaders | Headers): Promise<SessionUser | null> {
    const cookie = headers instanceof Headers ? headers.get('cookie') : headers.cookie;
    const key = cookie ? [...cookie.matchAll(SESSION_COOKIE)].map((m) => m[1]).join(';') : '';
    if (!key) return null;
    const known = sessions.get(key);
    if (known) return known;
    const session = await auth.api.getSession({ headers: headers instanceof Headers ? headers : toWebHeaders(headers) });
    if (!session) return null; // not remembered: a bad cookie must not fill the cache
    const user = {
      userId: session.user.id,
      email: session.user.email,
      activeOrgId: (session.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null,
    };
    // Never past the session's own expiry.
    sessions.set(key, user, { ttl: Math.max(1, Math.min(sessionTtlMs, new Date(session.session.expiresAt).getTime() - Date.now())) });
    return user;
  }

  return async function resolveActor(headers: IncomingHttpHeaders | Headers): Promise<SessionActor | null> {
    const user = await sessionUser(headers);
    if (!user) return null;
    const orgIds = await memberships(user.userId);
    const orgId = user.activeOrgId ? orgIds.find((id) => id === user.activeOrgId) : orgIds[0];
    return orgId ? { userId: user.userId, email: user.email, orgId } : null;
  };
}

export type ActorResolver = ReturnType<typeof createActorResolver>;

export function toWebHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) result.append(name, v);
    else result.set(name, value);
  }
  return result;
}
