import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** A user and an organization straight in the database, for tests below the HTTP layer. */
export async function createOrgWithUser(sql: pg.Client): Promise<{ orgId: string; userId: string }> {
  const orgId = randomUUID();
  const userId = randomUUID();
  await sql.query(`insert into "user" (id, name, email, "emailVerified") values ($1, 'Test', $2, false)`, [userId, `${userId}@example.com`]);
  await sql.query(`insert into organization (id, name, slug, "createdAt") values ($1, 'Org', $1, now())`, [orgId]);
  return { orgId, userId };
}
