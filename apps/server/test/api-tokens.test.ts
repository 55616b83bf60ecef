import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { organizationAction, shareOrganization, signUp, trpc, uniqueEmail, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';

let app: AppUnderTest;
let sql: pg.Client;
let alice: SignedInUser;
let bob: SignedInUser;

beforeAll(async () => {
  app = await startApp();
  sql = new pg.Client({ connectionString: app.env.DATABASE_URL });
  await sql.connect();
  alice = await signUp(app.serverUrl, uniqueEmail('alice'));
  bob = await signUp(app.serverUrl, uniqueEmail('bob'));
});

afterAll(async () => {
  await sql?.end();
  await app?.stop();
});

async function createToken(user: SignedInUser, scopes: string[], name = 'script') {
  const created = await trpc(app.serverUrl, user, 'tokens.create', { name, scopes }, 'mutation');
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body.result!.data as { secret: string; token: { id: string; prefix: string; scopes: string[]; expiresAt: string | null } };
}

/** The same tRPC call with `Authorization: Bearer`. */
async function withToken(secret: string, procedure: string, input: unknown, kind: 'query' | 'mutation' = 'query') {
  const url = `${app.serverUrl}/trpc/${procedure}`;
  const headers = { authorization: `Bearer ${secret}` };
  const response =
    kind === 'query'
      ? await fetch(input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return { status: response.status, body: (await response.json()) as any };
}

const uploadWithToken = (secret: string, file: string) =>
  fetch(`${app.serverUrl}/uploads?name=clip.mp4`, { method: 'POST', headers: { authorization: `Bearer ${secret}` }, body: readFileSync(file) }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as any,
  }));

describe('API tokens', () => {
  it('shows the secret once and stores only its SHA-256', async () => {
    const { secret, token } = await createToken(alice, ['read']);
    expect(secret).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.expiresAt).not.toBeNull(); // 90 days unless asked otherwise

    const listed = await trpc(app.serverUrl, alice, 'tokens.list', undefined);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.result!.data.map((t: { id: string }) => t.id)).toContain(token.id);

    const { rows } = await sql.query(`select * from api_token where id = $1`, [token.id]);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows[0])).not.toContain(secret.slice(10));
  });

  it('acts for its organization within its scopes', async () => {
    const reader = (await createToken(alice, ['read'])).secret;
    const writer = (await createToken(alice, ['read', 'write'])).secret;

    const uploaded = await uploadWithToken(writer, makeVideo({ seconds: 1, name: 'token-upload.mp4' }));
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.project.id as string;
    // The session user sees what the token created: it is the same organization.
    expect((await trpc(app.serverUrl, alice, 'projects.get', { id })).body.result!.data.id).toBe(id);
    expect((await withToken(reader, 'projects.get', { id })).body.result.data.id).toBe(id);

    const rename = await withToken(reader, 'projects.rename', { id, name: 'nope' }, 'mutation');
    expect(rename.status).toBe(403);
    expect(rename.body.error.message).toContain('lacks the "write" scope');
    const readerUpload = await uploadWithToken(reader, makeVideo({ seconds: 1 }));
    expect(readerUpload.status).toBe(403);
    expect((await withToken(writer, 'projects.rename', { id, name: 'renamed by token' }, 'mutation')).status).toBe(200);

    // Another organization's project does not exist for this token.
    const bobs = await uploadWithToken((await createToken(bob, ['read', 'write'])).secret, makeVideo({ seconds: 1 }));
    expect((await withToken(reader, 'projects.get', { id: bobs.body.project.id })).status).toBe(404);
  });

  it('never manages tokens, billing or queues', async () => {
    const all = (await createToken(alice, ['read', 'write'])).secret;
    for (const [procedure, kind] of [['tokens.list', 'query'], ['tokens.create', 'mutation'], ['credits.portal', 'mutation']] as const) {
      const input = procedure === 'tokens.create' ? { name: 'minted', scopes: ['read'] } : undefined;
      const attempt = await withToken(all, procedure, input, kind);
      expect(attempt.status, procedure).toBe(403);
      expect(attempt.body.error.message).toContain('API tokens cannot do this');
    }
  });

  it('stops working the moment it is revoked, and records when it was last used', async () => {
    const { secret, token } = await createToken(alice, ['read']);
    expect((await withToken(secret, 'projects.list', {})).status).toBe(200);
    // Warm both server processes' caches before revoking.
    for (let i = 0; i < 4; i++) await withToken(secret, 'credits.balance', undefined);

    expect((await trpc(app.serverUrl, bob, 'tokens.revoke', { id: token.id }, 'mutation')).status).toBe(404); // not Bob's to revoke
    expect((await trpc(app.serverUrl, alice, 'tokens.revoke', { id: token.id }, 'mutation')).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const after = await withToken(secret, 'projects.list', {});
      expect(after.status).toBe(401);
      expect(after.body.error.message).toContain('invalid, expired or revoked');
    }
    const listed = (await trpc(app.serverUrl, alice, 'tokens.list', undefined)).body.result!.data.find((t: { id: string }) => t.id === token.id);
    expect(listed.revokedAt).not.toBeNull();
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('refuses expired, malformed and unknown tokens with a readable 401', async () => {
    const { secret, token } = await createToken(alice, ['read']);
    await sql.query(`update api_token set expires_at = now() - interval '1 minute' where id = $1`, [token.id]);
    const bogus = `cf_${'A'.repeat(43)}`;
    for (const header of [`Bearer ${secret}`, `Bearer ${bogus}`, 'Bearer short', 'Basic abc']) {
      const response = await fetch(`${app.serverUrl}/trpc/projects.list?input=%7B%7D`, { headers: { authorization: header } });
      expect(response.status, header).toBe(401);
      const body = await response.json();
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js/); // no stack trace
    }
  });

  it('validates what a new token asks for', async () => {
    const noScopes = await trpc(app.serverUrl, alice, 'tokens.create', { name: 'x', scopes: [] }, 'mutation');
    expect(noScopes.status).toBe(400);
    expect(noScopes.body.error!.message).toContain('pick at least one scope');
    const badScope = await trpc(app.serverUrl, alice, 'tokens.create', { name: 'x', scopes: ['admin'] }, 'mutation');
    expect(badScope.status).toBe(400);
  });

  it('stops working when its creator leaves the organization', async () => {
    const owner = await signUp(app.serverUrl);
    const member = await signUp(app.serverUrl);
    const team = await shareOrganization(app.serverUrl, owner, member);
    const { secret } = await createToken(team.member, ['read']);
    expect((await withToken(secret, 'projects.list', {})).status).toBe(200);

    await organizationAction(app.serverUrl, team.owner, 'remove-member', { memberIdOrEmail: member.email, organizationId: team.orgId });
    expect((await withToken(secret, 'projects.list', {})).status).toBe(401);
  });
});
