import pg from 'pg';
import { createOrgWithUser } from '../../../test/support/db.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@clipforge/db';
import { CreditService, DomainError, PLANS } from '@clipforge/core';

/** The ledger's guarantees under real concurrency on real PostgreSQL. */
let db: Database;
let sql: pg.Client;

beforeAll(async () => {
  // A pool wide enough that the concurrent calls below really run at once.
  db = await openDatabase({ url: process.env.DATABASE_URL!, poolSize: 40 });
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
});

afterAll(async () => {
  await db?.close();
  await sql?.end();
});

const ledgerSum = async (orgId: string) =>
  Number((await sql.query(`select coalesce(sum(amount), 0) as sum from credit_transaction where org_id = $1`, [orgId])).rows[0].sum);

describe('credit ledger', () => {
  it('applies 100 concurrent requests with one idempotency key exactly once', async () => {
    const { orgId } = await createOrgWithUser(sql);
    await db.credits.openAccount(orgId, 'FREE', null);
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () => db.credits.apply({ orgId, type: 'purchase', amount: 500, idempotencyKey: `checkout:${orgId}` })),
    );
    expect(outcomes.filter((o) => o.status === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(99);
    const rows = await sql.query(`select * from credit_transaction where idempotency_key = $1`, [`checkout:${orgId}`]);
    expect(rows.rowCount).toBe(1);
    expect((await db.credits.findAccount(orgId))!.balance).toBe(500);
    expect(await ledgerSum(orgId)).toBe(500);
  });

  it('never goes below zero when 1,000 concurrent debits overdraw, and the balance equals the ledger sum', async () => {
    const { orgId } = await createOrgWithUser(sql);
    await db.credits.openAccount(orgId, 'FREE', null);
    await db.credits.apply({ orgId, type: 'grant', amount: 600, idempotencyKey: `grant:${orgId}` });
    const outcomes = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => db.credits.apply({ orgId, type: 'reserve', amount: -1, idempotencyKey: `debit:${orgId}:${i}` })),
    );
    expect(outcomes.filter((o) => o.status === 'applied')).toHaveLength(600);
    expect(outcomes.filter((o) => o.status === 'insufficient')).toHaveLength(400);
    const account = (await db.credits.findAccount(orgId))!;
    expect(account.balance).toBe(0);
    expect(await ledgerSum(orgId)).toBe(account.balance);
    // Every row records the balance it left behind, and those form one unbroken sequence.
    const after = (await sql.query(`select balance_after from credit_transaction where org_id = $1 and type = 'reserve'`, [orgId])).rows.map((r) => r.balance_after);
    expect(after.sort((a, b) => a - b)).toEqual(Array.from({ length: 600 }, (_, i) => i));
  });

  it('refuses a direct update below zero (CHECK constraint), whatever the code does', async () => {
    const { orgId } = await createOrgWithUser(sql);
    await db.credits.openAccount(orgId, 'FREE', null);
    await expect(sql.query(`update credit_account set balance = -1 where org_id = $1`, [orgId])).rejects.toThrow(/credit_account_balance_check/);
  });

  it('opens accounts with trial credits, reserves, settles or refunds once, and says what is missing', async () => {
    const { orgId } = await createOrgWithUser(sql);
    const credits = new CreditService(db.credits);
    const account = await credits.account(orgId);
    expect(account).toMatchObject({ balance: PLANS.FREE.monthlyCredits, plan: 'FREE' });
    expect(account.trialEndsAt!.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
    expect((await credits.account(orgId)).balance).toBe(PLANS.FREE.monthlyCredits); // no second grant

    expect(await credits.reserveForImport(orgId, '00000000-0000-4000-8000-000000000001', 125)).toBe(3); // 3 started minutes
    await credits.reserveForImport(orgId, '00000000-0000-4000-8000-000000000001', 125); // a retried job
    expect((await credits.account(orgId)).balance).toBe(PLANS.FREE.monthlyCredits - 3);
    await credits.refundImport(orgId, '00000000-0000-4000-8000-000000000001');
    await credits.settleImport(orgId, '00000000-0000-4000-8000-000000000001'); // too late: already refunded
    expect((await credits.account(orgId)).balance).toBe(PLANS.FREE.monthlyCredits);

    // Longer than the plan takes: refused before any credit moves.
    const tooLong = await credits.reserveForImport(orgId, '00000000-0000-4000-8000-000000000002', 2 * 3600).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(DomainError);
    expect(tooLong).toMatchObject({ code: 'PAYMENT_REQUIRED', message: expect.stringMatching(/2 hours long; the Free plan takes videos up to 30 minutes/) });

    await credits.apply(orgId, { type: 'adjustment', amount: -58, idempotencyKey: `drain:${orgId}` });
    const short = await credits.reserveForImport(orgId, '00000000-0000-4000-8000-000000000003', 150).catch((e: unknown) => e);
    expect(short).toMatchObject({ code: 'PAYMENT_REQUIRED', message: expect.stringMatching(/3 minutes long and needs 3 credits; your organization has 2/) });
    expect((await credits.account(orgId)).balance).toBe(2);
    expect(await ledgerSum(orgId)).toBe(2);
  });

  it('pages history newest first with a keyset cursor', async () => {
    const { orgId } = await createOrgWithUser(sql);
    await db.credits.openAccount(orgId, 'FREE', null);
    for (let i = 0; i < 5; i++) await db.credits.apply({ orgId, type: 'adjustment', amount: i + 1, idempotencyKey: `adj:${orgId}:${i}` });
    const first = await db.credits.history(orgId, { limit: 3, cursor: null });
    expect(first.items.map((e) => e.amount)).toEqual([5, 4, 3]);
    const second = await db.credits.history(orgId, { limit: 3, cursor: first.nextCursor });
    expect(second.items.map((e) => e.amount)).toEqual([2, 1]);
    expect(second.nextCursor).toBeNull();
  });
});
