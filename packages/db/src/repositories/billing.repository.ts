import type { EntityManager } from '@mikro-orm/postgresql';
import type { BillingStore, PlanId } from '@clipforge/core';

/** Webhook dedupe and ordered plan changes, in plain SQL. */
export class PostgresBillingStore implements BillingStore {
  constructor(private readonly em: () => EntityManager) {}

  async seen(eventId: string): Promise<boolean> {
    const rows = await this.em().getConnection().execute<object[]>(`select 1 from "billing_event" where "event_id" = ?`, [eventId]);
    return rows.length > 0;
  }

  async remember(eventId: string, type: string): Promise<void> {
    await this.em().getConnection().execute(`insert into "billing_event" ("event_id", "type") values (?, ?) on conflict do nothing`, [eventId, type]);
  }

  async setPlanIfNewer(orgId: string, plan: PlanId, at: Date): Promise<boolean> {
    const rows = await this.em()
      .getConnection()
      .execute<object[]>(
        `update "credit_account" set "plan" = ?, "plan_changed_at" = ?, "updated_at" = now()
         where "org_id" = ? and ("plan_changed_at" is null or "plan_changed_at" <= ?) returning 1`,
        [plan, at, orgId, at],
      );
    return rows.length > 0;
  }

  async customerOf(orgId: string): Promise<string | null> {
    const rows = await this.em()
      .getConnection()
      .execute<{ stripe_customer_id: string | null }[]>(`select "stripe_customer_id" from "credit_account" where "org_id" = ?`, [orgId]);
    return rows[0]?.stripe_customer_id ?? null;
  }

  async rememberCustomer(orgId: string, customerId: string): Promise<void> {
    await this.em().getConnection().execute(`update "credit_account" set "stripe_customer_id" = ? where "org_id" = ?`, [customerId, orgId]);
  }
}
