import { describe, expect, it } from 'vitest';
import { signMediaPath, verifyMediaSignature } from './media-url.js';

const secret = 's'.repeat(40);
const parse = (signed: string) => {
  const url = new URL(signed, 'http://x');
  return { key: url.pathname.slice('/media/'.length), exp: url.searchParams.get('exp'), sig: url.searchParams.get('sig') };
};

describe('signed media URLs', () => {
  it('verifies its own signature until it expires', () => {
    const now = Date.now();
    const { key, exp, sig } = parse(signMediaPath('projects/p1/poster.jpg', secret, 60, now));
    expect(key).toBe('projects/p1/poster.jpg');
    expect(verifyMediaSignature(key, exp, sig, secret, now)).toEqual({ ok: true });
    expect(verifyMediaSignature(key, exp, sig, secret, now + 61_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects another key, a moved expiry, another secret and a missing signature', () => {
    const { key, exp, sig } = parse(signMediaPath('projects/p1/poster.jpg', secret, 60));
    expect(verifyMediaSignature('projects/p2/poster.jpg', exp, sig, secret).ok).toBe(false);
    expect(verifyMediaSignature(key, String(Number(exp) + 3600), sig, secret).ok).toBe(false);
    expect(verifyMediaSignature(key, exp, sig, 'x'.repeat(40)).ok).toBe(false);
    expect(verifyMediaSignature(key, exp, null, secret)).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
