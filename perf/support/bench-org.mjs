// Benchmarks act as one organization making many requests: put it on the ENTERPRISE plan (the
// highest rate limit) with plenty of credits, through the ledger so the books still balance.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export async function upgradeForBenchmark(databaseUrl, email, credits = 100_000) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`select m."organizationId" as org, u.id as "user" from "user" u join member m on m."userId" = u.id where u.email = $1`, [email]);
    const { org, user } = rows[0];
    await client.query('begin');
    await client.query(
      `insert into credit_account (org_id, plan, balance) values ($1, 'ENTERPRISE', $2)
       on conflict (org_id) do update set plan = 'ENTERPRISE', balance = credit_account.balance + $2`,
      [org, credits],
    );
    await client.query(
      `insert into credit_transaction (id, org_id, type, amount, balance_after, idempotency_key, note)
       select $1, $2, 'adjustment', $3, balance, $4, 'benchmark' from credit_account where org_id = $2`,
      [randomUUID(), org, credits, `bench:${org}`],
    );
    await client.query('commit');
    return { orgId: org, userId: user };
  } finally {
    await client.end();
  }
}
