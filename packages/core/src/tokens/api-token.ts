import type { Actor } from '../services/project-service.js';

/** `read` covers every query and live progress; `write` every change (uploads, imports, edits, exports). */
export const API_SCOPES = ['read', 'write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** An organization's API token as listed; the secret itself is shown once and never stored. */
export interface ApiToken {
  id: string;
  orgId: string;
  name: string;
  /** The first characters of the secret, so a user can tell tokens apart. */
  prefix: string;
  scopes: ApiScope[];
  createdBy: string;
  createdByEmail: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export type NewApiToken = Omit<ApiToken, 'createdByEmail' | 'lastUsedAt' | 'revokedAt'> & { hash: string };

/** What a request acts as: a signed-in member (token null) or an organization's API token. */
export interface RequestActor extends Actor {
  email: string;
  token: { id: string; scopes: readonly ApiScope[] } | null;
}

/** A token found by its hash, for authentication. Null when it is unknown or its creator left the organization. */
export interface TokenCredentials {
  id: string;
  orgId: string;
  userId: string;
  email: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiTokenRepository {
  insert(token: NewApiToken): Promise<void>;
  /** Tokens neither revoked nor expired at `now`. */
  countActive(orgId: string, now: Date): Promise<number>;
  /** Newest first. */
  list(orgId: string): Promise<ApiToken[]>;
  /** Revokes the organization's token; answers its hash, or null when there is no such token. */
  revoke(orgId: string, id: string, at: Date): Promise<string | null>;
  findByHash(hash: string): Promise<TokenCredentials | null>;
  /** Hashes of the tokens a user created (to drop them from caches when their memberships change). */
  hashesCreatedBy(userId: string): Promise<string[]>;
  touch(id: string, at: Date): Promise<void>;
}
