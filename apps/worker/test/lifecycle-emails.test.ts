import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database } from '@clipforge/db';
import { createEmailQueue, openQueue } from '@clipforge/jobs';
import { stackEnv } from '../../../test/support/processes.js';
import { forkClockedWorker, type ClockedWorker } from '../../../test/support/email-workers.js';

/**
 * A simulated week of lifecycle mails: two real worker processes over the same Redis and
 * PostgreSQL tick their schedulers on the test's clock, hour by hour, one of them restarts midweek,
 * and both re-run the last days again. Every expected mail must arrive exactly once, and nothing
 * else. The scheduler sees every user in its database, so the week runs in a database of its own.
 */
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const START = new Date('2027-01-03T12:00:00Z'); // a Sunday noon, UTC
const END = new Date(START.getTime() + 7 * DAY);

let admin: pg.Client;
let sql: pg.Client;
let db: Database;
let simDatabase: string;
let env: Record<string, string>;
const workers: ClockedWorker[] = [];

interface SimUser {
  createdAt: string;
  timeZone?: string;
  lastSessionAt?: string;
  unsubscribed?: string[];
  org?: { plan: string; trialEndsAt: string; balance: number };
}

async function createUser(user: SimUser) {
  const id = randomUUID().replaceAll('-', '');
  const orgId = randomUUID();
  await sql.query(`insert into "user" (id, name, email, "emailVerified", "createdAt", "updatedAt") values ($1, 'Sim User', $2, false, $3, $3)`, [id, `${id}@example.com`, user.createdAt]);
  await sql.query(`insert into organization (id, name, slug, "createdAt") values ($1, 'Org', $1, $2)`, [orgId, user.createdAt]);
  await sql.query(`insert into member (id, "organizationId", "userId", role, "createdAt") values ($1, $2, $3, 'owner', $4)`, [randomUUID(), orgId, id, user.createdAt]);
  if (user.org) {
    await sql.query(`insert into credit_account (org_id, balance, plan, trial_ends_at) values ($1, $2, $3, $4)`, [orgId, user.org.balance, user.org.plan, user.org.trialEndsAt]);
  }
  if (user.lastSessionAt) {
    await sql.query(`insert into session (id, "expiresAt", token, "createdAt", "updatedAt", "userId") values ($1, $2, $1, $2, $2, $3)`, [randomUUID(), user.lastSessionAt, id]);
  }
  if (user.timeZone || user.unsubscribed) {
    await sql.query(`insert into email_preference (user_id, time_zone, unsubscribed) values ($1, $2, $3)`, [id, user.timeZone ?? 'UTC', user.unsubscribed ?? []]);
  }
  return id;
}

/** Both workers tick at each instant together, so their claims race for real. */
async function runClock(from: Date, to: Date, stepMs: number, onStep?: (at: Date) => Promise<void>) {
  for (let at = from.getTime(); at <= to.getTime(); at += stepMs) {
    await Promise.all(workers.map((w) => w.tick(new Date(at))));
    await onStep?.(new Date(at));
  }
}

beforeAll(async () => {
  const stack = stackEnv();
  simDatabase = `${new URL(stack.DATABASE_URL).pathname.slice(1)}_week`;
  admin = new pg.Client({ connectionString: stack.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database "${simDatabase}"`);
  const url = new URL(stack.DATABASE_URL);
  url.pathname = `/${simDatabase}`;
  await migrateDatabase(url.toString());
  sql = new pg.Client({ connectionString: url.toString() });
  await sql.connect();
  db = await openDatabase({ url: url.toString(), poolSize: 2 });
  env = {
    ...stack,
    DATABASE_URL: url.toString(),
    REDIS_PREFIX: `${stack.REDIS_PREFIX}-week`,
    STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'week-storage-')),
    PUBLIC_URL: 'http://clipforge.test',
    LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  await Promise.allSettled(workers.map((w) => w.stop()));
  await db?.close();
  await sql?.end();
  await admin?.query(`drop database if exists "${simDatabase}" with (force)`);
  await admin?.end();
});

describe('lifecycle mails over a simulated week, two workers', () => {
  it('sends every due mail exactly once across two workers, a restart and a re-run', async () => {
    const newcomer = await createUser({ createdAt: '2027-01-03T00:00:00Z' });
    const trialing = await createUser({
      createdAt: '2026-12-25T00:00:00Z',
      timeZone: 'America/Los_Angeles',
      lastSessionAt: '2027-01-02T09:00:00Z',
      org: { plan: 'FREE', trialEndsAt: '2027-01-08T00:00:00Z', balance: 42 },
    });
    const dormant = await createUser({
      createdAt: '2026-12-01T00:00:00Z',
      timeZone: 'Pacific/Kiritimati', // UTC+14: its Monday 10:00 is Sunday 20:00 UTC
      lastSessionAt: '2026-12-22T12:00:00Z',
      org: { plan: 'PRO', trialEndsAt: '2027-01-06T00:00:00Z', balance: 900 }, // paid: no trial mail
    });
    const optedOut = await createUser({ createdAt: '2026-12-01T00:00:00Z', lastSessionAt: '2027-01-02T09:00:00Z', unsubscribed: ['weekly-summary'] });
    // Deleted between scheduling and sending: its mail is claimed, then the user goes, then the job runs.
    const leaving = await createUser({ createdAt: '2026-12-01T00:00:00Z', lastSessionAt: '2027-01-02T09:00:00Z' });
    const claimed = await db.emails.sends.claim({ userId: leaving, kind: 'inactivity', periodKey: 'test', facts: { daysInactive: 20 } });
    await sql.query(`delete from "user" where id = $1`, [leaving]);

    // Signed up while Redis was down: the welcome mail was claimed but never enqueued.
    const stranded = await createUser({ createdAt: '2026-12-01T00:00:00Z', lastSessionAt: '2027-01-02T09:00:00Z' });
    await sql.query(`insert into email_send (id, user_id, kind, period_key, facts, created_at, updated_at) values ($1, $2, 'welcome', 'once', $3, now() - interval '5 minutes', now() - interval '5 minutes')`, [
      randomUUID(),
      stranded,
      JSON.stringify({ trialDays: 14, trialCredits: 60 }),
    ]);

    workers.push(await forkClockedWorker(env), await forkClockedWorker(env));
    const producer = createEmailQueue({ redisUrl: env.REDIS_URL!, prefix: env.REDIS_PREFIX! });
    await producer.enqueueEmail(claimed!);
    await producer.close();

    const midweek = new Date(START.getTime() + 3 * DAY);
    await runClock(START, END, HOUR, async (at) => {
      if (at.getTime() !== midweek.getTime()) return;
      await workers[0]!.stop(); // a restart: the new process knows nothing the old one did
      workers[0] = await forkClockedWorker(env);
    });
    await runClock(new Date(END.getTime() - 3 * DAY), END, 3 * HOUR); // a re-run over the last days

    const ours = [newcomer, trialing, dormant, optedOut, stranded];
    await expect
      .poll(async () => (await sql.query(`select count(*)::int as n from email_send where user_id = any($1) and status = 'queued'`, [ours])).rows[0].n, { timeout: 60_000, interval: 500 })
      .toBe(0);

    const mails = await sql.query<{ user_id: string; kind: string; n: number }>(
      `select user_id, kind, count(*)::int as n from email_outbox where user_id = any($1) group by user_id, kind order by kind`,
      [ours],
    );
    const received = (userId: string) => mails.rows.filter((r) => r.user_id === userId).map((r) => [r.kind, r.n]);
    expect(received(newcomer)).toEqual([['onboarding-day-1', 1], ['onboarding-day-3', 1], ['weekly-summary', 1]]);
    expect(received(trialing)).toEqual([['trial-expiring', 1], ['weekly-summary', 1]]);
    expect(received(dormant)).toEqual([['inactivity', 1], ['weekly-summary', 1]]);
    expect(received(optedOut)).toEqual([]);
    expect(received(stranded)).toEqual([['weekly-summary', 1], ['welcome', 1]]); // enqueued again by a tick

    const sends = await sql.query<{ user_id: string; kind: string; period_key: string; status: string; facts: Record<string, unknown> }>(
      `select user_id, kind, period_key, status, facts from email_send where user_id = any($1)`,
      [ours],
    );
    expect(sends.rows).toHaveLength(10);
    const send = (userId: string, kind: string) => sends.rows.find((r) => r.user_id === userId && r.kind === kind)!;
    expect(send(optedOut, 'weekly-summary').status).toBe('suppressed');
    // Each weekly summary is keyed by that user's own Monday and carries their numbers.
    for (const user of [newcomer, trialing, dormant]) expect(send(user, 'weekly-summary').period_key).toBe('week:2027-01-04');
    expect(send(trialing, 'weekly-summary').facts).toEqual({ weekOf: '2027-01-04', videosProcessed: 0, clipsExported: 0, creditsLeft: 42 });
    expect(send(trialing, 'trial-expiring').facts).toEqual({ trialEndsAt: '2027-01-08T00:00:00.000Z', creditsLeft: 42 });
    expect(send(dormant, 'inactivity').period_key).toBe('inactive-since:2026-12-22T12:00:00.000Z');

    // The deleted user's job ran (bee-queue removes succeeded jobs) and mailed nobody.
    const queue = openQueue('email', { redisUrl: env.REDIS_URL!, prefix: env.REDIS_PREFIX! }, 'producer');
    expect(await queue.getJob(`email:${claimed}`)).toBeNull();
    await queue.close();
    expect((await sql.query(`select count(*)::int as n from email_outbox where to_address = $1`, [`${leaving}@example.com`])).rows[0].n).toBe(0);
  });
});
