import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { Cache } from '../ports/index.js';
import type { Actor } from '../services/project-service.js';
import type { ApiScope, ApiToken, ApiTokenRepository, RequestActor, TokenCredentials } from './api-token.js';

export interface ApiTokenServiceDeps {
  tokens: ApiTokenRepository;
  cache: Cache;
  now?: () => Date;
}

export interface NewTokenRequest {
  name: string;
  scopes: ApiScope[];
  /** Null: never expires. */
  expiresInDays: number | null;
}

const TOKEN_PREFIX = 'cf_';
// 32 random bytes in base64url: 43 characters after the prefix.
const TOKEN_SHAPE = /^cf_[A-Za-z0-9_-]{43}$/;
const SHOWN_PREFIX_LENGTH = 10;
const MAX_ACTIVE_TOKENS = 50;
const CACHE_TTL_SEC = 60;
const TOUCH_EVERY_MS = 60_000;
const DAY_MS = 24 * 3600 * 1000;

const INVALID = 'This API token is invalid, expired or revoked. Create a new one under Settings → API tokens.';

type CachedCredentials = Omit<TokenCredentials, 'expiresAt' | 'revokedAt'> & { expiresAt: string | null; revoked: boolean };

/**
 * API tokens for scripts and the CLI: a random secret shown once, stored only as its SHA-256 hash
 * (the secret has 256 bits of entropy, so a fast hash is enough and lookups stay one index probe).
 * Each token acts for its organization with the rights of its scopes, and stops working when it
 * is revoked, expires, or its creator leaves the organization.
 */
export class ApiTokenService {
  private readonly now: () => Date;
  private readonly lastTouched = new Map<string, number>();

  constructor(private readonly deps: ApiTokenServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(actor: Actor, request: NewTokenRequest): Promise<{ secret: string; token: ApiToken }> {
    const now = this.now();
    if ((await this.deps.tokens.countActive(actor.orgId, now)) >= MAX_ACTIVE_TOKENS) {
      throw new DomainError('CONFLICT', `An organization can have ${MAX_ACTIVE_TOKENS} active API tokens. Revoke one you no longer use first.`);
    }
    const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const token = {
      id: randomUUID(),
      orgId: actor.orgId,
      name: request.name.trim(),
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      scopes: [...new Set(request.scopes)],
      createdBy: actor.userId,
      createdAt: now,
      expiresAt: request.expiresInDays === null ? null : new Date(now.getTime() + request.expiresInDays * DAY_MS),
    };
    await this.deps.tokens.insert({ ...token, hash: hashOf(secret) });
    const [created] = (await this.deps.tokens.list(actor.orgId)).filter((t) => t.id === token.id);
    return { secret, token: created! };
  }

  list(actor: Actor): Promise<ApiToken[]> {
    return this.deps.tokens.list(actor.orgId);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    const hash = await this.deps.tokens.revoke(actor.orgId, id, this.now());
    if (!hash) throw new DomainError('NOT_FOUND', 'No such API token in this organization.');
    await this.deps.cache.invalidate(cacheKey(hash));
  }

  /** The actor a bearer secret stands for; throws UNAUTHENTICATED for anything that is not a live token. */
  async authenticate(secret: string): Promise<RequestActor> {
    if (!TOKEN_SHAPE.test(secret)) throw new DomainError('UNAUTHENTICATED', INVALID);
    const hash = hashOf(secret);
    const found = await this.deps.cache.getOrLoad<CachedCredentials | null>(cacheKey(hash), CACHE_TTL_SEC, async () => {
      const credentials = await this.deps.tokens.findByHash(hash);
      return credentials && { ...credentials, expiresAt: credentials.expiresAt?.toISOString() ?? null, revoked: credentials.revokedAt !== null };
    });
    const now = this.now();
    if (!found || found.revoked || (found.expiresAt && new Date(found.expiresAt) <= now)) throw new DomainError('UNAUTHENTICATED', INVALID);
    this.touch(found.id, now);
    return { userId: found.userId, orgId: found.orgId, email: found.email, token: { id: found.id, scopes: found.scopes } };
  }

  /** Drops a user's tokens from every cache (their memberships changed: the next use re-checks them). */
  async forgetCreator(userId: string): Promise<void> {
    const hashes = await this.deps.tokens.hashesCreatedBy(userId);
    await Promise.all(hashes.map((hash) => this.deps.cache.invalidate(cacheKey(hash))));
  }

  /** "Last used" is kept to the minute, written at most once a minute per token and process. */
  private touch(id: string, now: Date) {
    const last = this.lastTouched.get(id) ?? 0;
    if (now.getTime() - last < TOUCH_EVERY_MS) return;
    this.lastTouched.set(id, now.getTime());
    this.deps.tokens.touch(id, now).catch(() => this.lastTouched.delete(id));
  }
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
const cacheKey = (hash: string) => `api-token:${hash}`;
