import type { EntityManager } from '@mikro-orm/postgresql';
import type { EmailRecipient, EmailRecipients } from '@clipforge/core';

/** Users and memberships (better-auth's tables) as mail needs them. */
export class PostgresEmailRecipients implements EmailRecipients {
  constructor(private readonly em: () => EntityManager) {}

  async find(userId: string): Promise<EmailRecipient | null> {
    const rows = await this.em()
      .getConnection()
      .execute<{ id: string; email: string; name: string }[]>(`select "id", "email", "name" from "user" where "id" = ?`, [userId]);
    const row = rows[0];
    return row ? { userId: row.id, email: row.email, name: row.name } : null;
  }

  async membersOf(orgId: string): Promise<string[]> {
    const rows = await this.em()
      .getConnection()
      .execute<{ userId: string }[]>(`select "userId" from "member" where "organizationId" = ? order by ("role" = 'owner') desc, "createdAt"`, [orgId]);
    return rows.map((r) => r.userId);
  }
}
