import type { EntityManager } from '@mikro-orm/postgresql';
import type { LifecycleAudience } from '@clipforge/core';

/** Who is due which scheduled mail, straight from the tables that know. */
export class PostgresLifecycleAudience implements LifecycleAudience {
  constructor(private readonly em: () => EntityManager) {}

  private run<T extends object[]>(sql: string, params: unknown[] = []) {
    return this.em().getConnection().execute<T>(sql, params);
  }

  async createdBetween(from: Date, to: Date) {
    const rows = await this.run<{ id: string }[]>(`select "id" from "user" where "createdAt" > ? and "createdAt" <= ?`, [from, to]);
    return rows.map((r) => ({ userId: r.id }));
  }

  async trialsEndingBetween(from: Date, to: Date) {
    // Organizations still on FREE: one that bought a plan is no longer on its trial.
    const rows = await this.run<{ user_id: string; org_id: string; trial_ends_at: string | Date; balance: number }[]>(
      `select m."userId" as "user_id", a."org_id", a."trial_ends_at", a."balance"
       from "credit_account" a join "member" m on m."organizationId" = a."org_id"
       where a."plan" = 'FREE' and a."trial_ends_at" > ? and a."trial_ends_at" <= ?`,
      [from, to],
    );
    return rows.map((r) => ({ userId: r.user_id, orgId: r.org_id, trialEndsAt: new Date(r.trial_ends_at), balance: r.balance }));
  }

  async withTimeZones(before: Date) {
    const rows = await this.run<{ id: string; time_zone: string }[]>(
      `select u."id", coalesce(p."time_zone", 'UTC') as "time_zone" from "user" u left join "email_preference" p on p."user_id" = u."id" where u."createdAt" <= ?`,
      [before],
    );
    return rows.map((r) => ({ userId: r.id, timeZone: r.time_zone }));
  }

  async weeklyStats(userId: string, from: Date, to: Date) {
    const rows = await this.run<{ videos: string; clips: string; balance: number | null }[]>(
      `with orgs as (select "organizationId" as "org_id" from "member" where "userId" = ?)
       select
         (select count(*) from "project" p where p."org_id" in (select "org_id" from orgs) and p."status" = 'ready' and p."updated_at" >= ? and p."updated_at" < ?) as "videos",
         (select count(*) from "export" e where e."org_id" in (select "org_id" from orgs) and e."status" = 'ready' and e."updated_at" >= ? and e."updated_at" < ?) as "clips",
         (select coalesce(sum(a."balance"), 0) from "credit_account" a where a."org_id" in (select "org_id" from orgs)) as "balance"`,
      [userId, from, to, from, to],
    );
    const row = rows[0]!;
    return { videosProcessed: Number(row.videos), clipsExported: Number(row.clips), creditsLeft: Number(row.balance ?? 0) };
  }

  async inactiveSince(before: Date) {
    // Last activity: sign-up, the latest session (created at sign-in, refreshed while used), the latest project.
    const rows = await this.run<{ id: string; last_active_at: string | Date }[]>(
      `select u."id", greatest(u."createdAt", s."last", p."last") as "last_active_at"
       from "user" u
       left join lateral (select max("updatedAt") as "last" from "session" where "userId" = u."id") s on true
       left join lateral (select max("created_at") as "last" from "project" where "created_by" = u."id") p on true
       where greatest(u."createdAt", s."last", p."last") < ?`,
      [before],
    );
    return rows.map((r) => ({ userId: r.id, lastActiveAt: new Date(r.last_active_at) }));
  }
}
