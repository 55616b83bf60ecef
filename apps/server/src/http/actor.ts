import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { ActorResolver } from '@clipforge/auth';
import { DomainError, type ApiTokenService, type RequestActor } from '@clipforge/core';

const SESSION_COOKIE = /(^|;\s*)(__Secure-)?better-auth\.session_token=/;

/**
 * Who a request acts as: an API token when it sends `Authorization: Bearer …` (a bad one is an
 * error, never a fall-back to the cookie), otherwise the signed-in session, otherwise nobody.
 */
export function createRequestActorResolver(sessions: ActorResolver, tokens: ApiTokenService) {
  return async function resolveActor(headers: IncomingHttpHeaders | Headers): Promise<RequestActor | null> {
    const authorization = headers instanceof Headers ? (headers.get('authorization') ?? undefined) : headers.authorization;
    if (authorization !== undefined) {
      const bearer = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
      if (!bearer) throw new DomainError('UNAUTHENTICATED', 'Send the API token as "Authorization: Bearer <token>".');
      return tokens.authenticate(bearer);
    }
    const member = await sessions(headers);
    return member && { ...member, token: null };
  };
}

/** Whether the request carries any credentials at all (signed-out requests skip the lookup). */
export const hasCredentials = (req: IncomingMessage) => req.headers.authorization !== undefined || SESSION_COOKIE.test(req.headers.cookie ?? '');

export type UploadPermission =
  | { ok: true; actor: RequestActor }
  | { ok: false; status: 401 | 403; code: 'UNAUTHORIZED' | 'FORBIDDEN'; message: string };

/** Uploads change things: signed in, or a token with the `write` scope. */
export function authorizeUpload(actor: RequestActor | null): UploadPermission {
  if (!actor) return { ok: false, status: 401, code: 'UNAUTHORIZED', message: 'Sign in to upload videos.' };
  if (actor.token && !actor.token.scopes.includes('write')) {
    const message = 'This API token lacks the "write" scope needed to upload. Create a token with it under Settings → API tokens.';
    return { ok: false, status: 403, code: 'FORBIDDEN', message };
  }
  return { ok: true, actor };
}
