import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApplyOutcome, CreditAccount, CreditEntry, CreditHistoryPage, CreditLedger, NewCreditEntry, PlanId } from '@clipforge/core';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';

interface EntryRow {
  id: string;
  org_id: string;
  type: CreditEntry['type'];
  amount: number;
  balance_after: number;
  idempotency_key: string;
  project_id: string | null;
  note: string | null;
  created_at: string | Date;
}

/**
 * The ledger in PostgreSQL, in plain SQL: the guarantees live in the statements themselves.
 * `apply` in one transaction: insert the ledger row (a repeated idempotency key inserts nothing),
 * then move the balance only if it stays ≥ 0 (a CHECK constraint backs that up); if it cannot,
 * the transaction rolls back and the ledger row with it. Row locks on the account serialise
 * concurrent moves, so the balance always equals the sum of the ledger.
 */
export class PostgresCreditLedger implements CreditLedger {
  constructor(private readonly em: () => EntityManager) {}

  async findAccount(orgId: string): Promise<CreditAccount | null> {
    const rows = await this.em()
      .getConnection()
      .execute<{ org_id: string; balance: number; plan: PlanId; trial_ends_at: string | Date | null }[]>(
        `select "org_id", "balance", "plan", "trial_ends_at" from "credit_account" where "org_id" = ?`,
        [orgId],
      );
    const row = rows[0];
    return row ? { orgId: row.org_id, balance: row.balance, plan: row.plan, trialEndsAt: row.trial_ends_at ? new Date(row.trial_ends_at) : null } : null;
  }

  async openAccount(orgId: string, plan: PlanId, trialEndsAt: Date | null): Promise<void> {
    await this.em()
      .getConnection()
      .execute(`insert into "credit_account" ("org_id", "plan", "trial_ends_at") values (?, ?, ?) on conflict ("org_id") do nothing`, [orgId, plan, trialEndsAt]);
  }

  async apply(entry: NewCreditEntry): Promise<ApplyOutcome> {
    return this.em().transactional(async (em) => {
      const connection = em.getConnection();
      const ctx = em.getTransactionContext();
      const run = <T extends object[]>(sql: string, params: unknown[]) => connection.execute<T>(sql, params, 'all', ctx);
      const inserted = await run<{ id: string }[]>(
        `insert into "credit_transaction" ("id", "org_id", "type", "amount", "balance_after", "idempotency_key", "project_id", "note")
         values (?, ?, ?, ?, 0, ?, ?, ?) on conflict ("idempotency_key") do nothing returning "id"`,
        [randomUUID(), entry.orgId, entry.type, entry.amount, entry.idempotencyKey, entry.projectId ?? null, entry.note ?? null],
      );
      const current = async () =>
        (await run<{ balance: number }[]>(`select "balance" from "credit_account" where "org_id" = ?`, [entry.orgId]))[0]?.balance ?? 0;
      if (!inserted[0]) return { status: 'duplicate' as const, balance: await current() };
      const moved = await run<{ balance: number }[]>(
        `update "credit_account" set "balance" = "balance" + ?, "updated_at" = now()
         where "org_id" = ? and "balance" + ? >= 0 returning "balance"`,
        [entry.amount, entry.orgId, entry.amount],
      );
      if (!moved[0]) throw new Insufficient(await current());
      await run<object[]>(`update "credit_transaction" set "balance_after" = ? where "id" = ?`, [moved[0].balance, inserted[0].id]);
      return { status: 'applied' as const, balance: moved[0].balance };
    }).catch((error: unknown) => {
      // Thrown to roll the ledger row back; reported as an outcome, not an error.
      if (error instanceof Insufficient) return { status: 'insufficient' as const, balance: error.balance };
      throw error;
    });
  }

  async findByKey(idempotencyKey: string): Promise<CreditEntry | null> {
    const rows = await this.em().getConnection().execute<EntryRow[]>(`select * from "credit_transaction" where "idempotency_key" = ?`, [idempotencyKey]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async history(orgId: string, page: { limit: number; cursor: string | null }): Promise<CreditHistoryPage> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows = await this.em()
      .getConnection()
      .execute<EntryRow[]>(
        `select * from "credit_transaction" where "org_id" = ?
         ${after ? `and ("created_at", "id") < (?, ?)` : ''}
         order by "created_at" desc, "id" desc limit ?`,
        after ? [orgId, after.createdAt, after.id, page.limit + 1] : [orgId, page.limit + 1],
      );
    const items = rows.slice(0, page.limit).map(toEntry);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null };
  }
}

class Insufficient extends Error {
  constructor(readonly balance: number) {
    super('insufficient credits');
  }
}

function toEntry(row: EntryRow): CreditEntry {
  return {
    id: row.id,
    orgId: row.org_id,
    type: row.type,
    amount: row.amount,
    balanceAfter: row.balance_after,
    idempotencyKey: row.idempotency_key,
    projectId: row.project_id,
    note: row.note,
    createdAt: new Date(row.created_at),
  };
}
