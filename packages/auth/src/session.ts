import type { IncomingHttpHeaders } from 'node:http';
import type pg from 'pg';
import type { Auth } from './auth.js';

export interface SessionActor {
  userId: string;
  email: string;
  orgId: string;
}

/**
 * Resolves the signed-in user and the organization the request acts for, or null when signed out.
 * Membership is checked on every request, so a member removed from an organization loses access at
 * once even if their session still names it as active. Without an active organization the user's
 * first membership is used.
 */
export function createActorResolver(auth: Auth, pool: pg.Pool) {
  return async function resolveActor(headers: IncomingHttpHeaders | Headers): Promise<SessionActor | null> {
    const session = await auth.api.getSession({ headers: headers instanceof Headers ? headers : toWebHeaders(headers) });
    if (!session) return null;
    const active = (session.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null;
    const { rows } = await pool.query<{ organizationId: string }>(
      `select "organizationId" from "member"
        where "userId" = $1 and ($2::text is null or "organizationId" = $2)
        order by "createdAt" asc limit 1`,
      [session.user.id, active],
    );
    const orgId = rows[0]?.organizationId;
    return orgId ? { userId: session.user.id, email: session.user.email, orgId } : null;
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
