import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signed, expiring URLs for stored media: `/media/<key>?exp=<unix s>&sig=<hmac>`. */
export function signMediaPath(key: string, secret: string, ttlSeconds: number, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  return `/media/${key}?exp=${exp}&sig=${signature(key, exp, secret)}`;
}

export type MediaUrlCheck = { ok: true } | { ok: false; reason: 'expired' | 'bad-signature' };

export function verifyMediaSignature(key: string, exp: string | null, sig: string | null, secret: string, now = Date.now()): MediaUrlCheck {
  const expSeconds = Number(exp);
  if (!sig || !Number.isInteger(expSeconds)) return { ok: false, reason: 'bad-signature' };
  const expected = Buffer.from(signature(key, expSeconds, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  if (expSeconds * 1000 < now) return { ok: false, reason: 'expired' };
  return { ok: true };
}

function signature(key: string, exp: number, secret: string) {
  return createHmac('sha256', secret).update(`${key}\n${exp}`).digest('base64url');
}
