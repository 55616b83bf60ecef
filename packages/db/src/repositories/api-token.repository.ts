import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiScope, ApiToken, ApiTokenRepository, NewApiToken, TokenCredentials } from '@clipforge/core';

interface TokenRow {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  created_by: string;
  created_by_email: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  createdBy: r.created_by,
  createdByEmail: r.created_by_email,
  createdAt: new Date(r.created_at),
  lastUsedAt: r.last_used_at && new Date(r.last_used_at),
  expiresAt: r.expires_at && new Date(r.expires_at),
  revokedAt: r.revoked_at && new Date(r.revoked_at),
});

/** API tokens in plain SQL: they join better-auth's user and member tables. */
export class PostgresApiTokenRepository implements ApiTokenRepository {
  constructor(private readonly em: () => EntityManager) {}

  private sql<T extends object>(query: string, params: unknown[]) {
    return this.em().getConnection().execute<T[]>(query, params);
  }

  async insert(t: NewApiToken): Promise<void> {
    await this.sql(
      `insert into "api_token" ("id", "org_id", "created_by", "name", "prefix", "token_hash", "scopes", "created_at", "expires_at")
       values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?)`,
      [t.id, t.orgId, t.createdBy, t.name, t.prefix, t.hash, `{${t.scopes.join(',')}}`, t.createdAt, t.expiresAt],
    );
  }

  async countActive(orgId: string, now: Date): Promise<number> {
    const [row] = await this.sql<{ n: string }>(
      `select count(*) as n from "api_token" where "org_id" = ? and "revoked_at" is null and ("expires_at" is null or "expires_at" > ?)`,
      [orgId, now],
    );
    return Number(row?.n ?? 0);
  }

  async list(orgId: string): Promise<ApiToken[]> {
    const rows = await this.sql<TokenRow>(
      `select t.*, u."email" as "created_by_email" from "api_token" t join "user" u on u."id" = t."created_by"
       where t."org_id" = ? order by t."created_at" desc, t."id" desc limit 200`,
      [orgId],
    );
    return rows.map(toToken);
  }

  async revoke(orgId: string, id: string, at: Date): Promise<string | null> {
    const rows = await this.sql<{ token_hash: string }>(
      `update "api_token" set "revoked_at" = coalesce("revoked_at", ?) where "org_id" = ? and "id" = ? returning "token_hash"`,
      [at, orgId, id],
    );
    return rows[0]?.token_hash ?? null;
  }

  async findByHash(hash: string): Promise<TokenCredentials | null> {
    // The creator must still belong to the organization the token acts for.
    const rows = await this.sql<{ id: string; org_id: string; created_by: string; email: string; scopes: ApiScope[]; expires_at: Date | null; revoked_at: Date | null }>(
      `select t."id", t."org_id", t."created_by", u."email", t."scopes", t."expires_at", t."revoked_at"
       from "api_token" t
       join "user" u on u."id" = t."created_by"
       join "member" m on m."userId" = t."created_by" and m."organizationId" = t."org_id"
       where t."token_hash" = ?`,
      [hash],
    );
    const r = rows[0];
    return r
      ? { id: r.id, orgId: r.org_id, userId: r.created_by, email: r.email, scopes: r.scopes, expiresAt: r.expires_at && new Date(r.expires_at), revokedAt: r.revoked_at && new Date(r.revoked_at) }
      : null;
  }

  async hashesCreatedBy(userId: string): Promise<string[]> {
    const rows = await this.sql<{ token_hash: string }>(`select "token_hash" from "api_token" where "created_by" = ? and "revoked_at" is null`, [userId]);
    return rows.map((r) => r.token_hash);
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.sql(`update "api_token" set "last_used_at" = ? where "id" = ?`, [at, id]);
  }
}
