import { createHmac, timingSafeEqual } from 'node:crypto';
import { LIFECYCLE_EMAIL_KINDS, type UnsubscribeScope } from './kinds.js';

const SCOPES: readonly string[] = [...LIFECYCLE_EMAIL_KINDS, 'all'];

/**
 * Unsubscribe links that need no login: `<userId>.<scope>.<HMAC-SHA256(userId, scope)>`. They never
 * expire (a link in an old mail must still work), and only this server's secret can make one.
 */
export class UnsubscribeTokens {
  constructor(private readonly secret: string) {}

  sign(userId: string, scope: UnsubscribeScope): string {
    return `${userId}.${scope}.${this.mac(userId, scope).toString('base64url')}`;
  }

  /** The user and scope of a genuine token; null for anything forged, tampered or malformed. */
  verify(token: string): { userId: string; scope: UnsubscribeScope } | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [userId, scope, mac] = parts as [string, string, string];
    if (!userId || !SCOPES.includes(scope)) return null;
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(userId, scope);
    // timingSafeEqual throws on unequal lengths; the length of a MAC is no secret.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, scope: scope as UnsubscribeScope };
  }

  private mac(userId: string, scope: string): Buffer {
    return createHmac('sha256', this.secret).update(`unsubscribe\n${userId}\n${scope}`).digest();
  }
}
