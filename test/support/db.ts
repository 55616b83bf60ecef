import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Database } from '@clipforge/db';

/** A user and an organization straight in the database, for tests below the HTTP layer. */
export async function createOrgWithUser(sql: pg.Client): Promise<{ orgId: string; userId: string }> {
  const orgId = randomUUID();
  const userId = randomUUID();
  await sql.query(`insert into "user" (id, name, email, "emailVerified") values ($1, 'Test', $2, false)`, [userId, `${userId}@example.com`]);
  await sql.query(`insert into organization (id, name, slug, "createdAt") values ($1, 'Org', $1, now())`, [orgId]);
  return { orgId, userId };
}

/** Polls the project until it reaches one of `statuses`; on timeout the error carries `context()` (e.g. worker logs). */
export async function waitForProjectStatus(db: Database, id: string, statuses: string[], context: () => string = () => '', timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const project = await db.projects.findById(id);
    if (project && statuses.includes(project.status)) return project;
    if (Date.now() > deadline) throw new Error(`project ${id} still ${project?.status}\n${context()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
