import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SignedInUser {
  email: string;
  cookie: string;
}

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/** Signs up through better-auth's real HTTP API and returns the session cookie. */
export async function signUp(baseUrl: string, email = uniqueEmail(), password = 'correct horse battery'): Promise<SignedInUser> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ name: email.split('@')[0], email, password }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return { email, cookie: cookieOf(response) };
}

export function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function upload(baseUrl: string, user: SignedInUser, file: string) {
  const response = await fetch(`${baseUrl}/uploads?name=${encodeURIComponent(path.basename(file))}`, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/octet-stream' },
    body: readFileSync(file),
  });
  return { status: response.status, body: (await response.json()) as { project?: { id: string }; error?: { code: string; message: string } } };
}

/** Calls a tRPC procedure over plain HTTP (GET for queries, POST for mutations), no batching. */
export async function trpc(baseUrl: string, user: SignedInUser | null, procedure: string, input: unknown, kind: 'query' | 'mutation' = 'query') {
  const headers: Record<string, string> = user ? { cookie: user.cookie } : {};
  const url = `${baseUrl}/trpc/${procedure}`;
  const response =
    kind === 'query'
      ? await fetch(input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await response.json()) as { result?: { data: any }; error?: { message: string; data: { code: string; httpStatus: number; validation: unknown[] | null } } };
  return { status: response.status, body };
}

/** Cookies from `fresh` replace those of the same name in `current`. */
export function mergeCookies(current: string, fresh: string) {
  const jar = new Map(current.split('; ').map((c) => [c.split('=')[0], c] as const));
  for (const c of fresh.split('; ')) jar.set(c.split('=')[0], c);
  return [...jar.values()].join('; ');
}

/**
 * Calls one of better-auth's organization routes (create, invite-member, accept-invitation,
 * set-active, remove-member, …). Answers the body and the user with any new cookies: a changed
 * active organization comes as a new session_data cookie.
 */
export async function organizationAction(baseUrl: string, user: SignedInUser, route: string, body: unknown) {
  const response = await fetch(`${baseUrl}/api/auth/organization/${route}`, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`organization/${route}: ${response.status} ${await response.text()}`);
  const fresh = cookieOf(response);
  return { body: (await response.json()) as any, user: fresh ? { ...user, cookie: mergeCookies(user.cookie, fresh) } : user };
}

/** `member` joins a new organization that `owner` creates; both get it as their active organization. */
export async function shareOrganization(baseUrl: string, owner: SignedInUser, member: SignedInUser) {
  const team = await organizationAction(baseUrl, owner, 'create', { name: 'Team', slug: `team-${randomUUID().slice(0, 8)}`, keepCurrentActiveOrganization: true });
  const orgId = team.body.id as string;
  const invitation = await organizationAction(baseUrl, owner, 'invite-member', { email: member.email, role: 'member', organizationId: orgId });
  const accepted = await organizationAction(baseUrl, member, 'accept-invitation', { invitationId: invitation.body.id });
  return {
    orgId,
    owner: (await organizationAction(baseUrl, owner, 'set-active', { organizationId: orgId })).user,
    member: (await organizationAction(baseUrl, accepted.user, 'set-active', { organizationId: orgId })).user,
  };
}
