import { describe, expect, it } from 'vitest';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

const tokens = new UnsubscribeTokens('a-secret-of-at-least-thirty-two-characters');

describe('unsubscribe tokens', () => {
  it('verifies what it signed', () => {
    expect(tokens.verify(tokens.sign('user1', 'weekly-summary'))).toEqual({ userId: 'user1', scope: 'weekly-summary' });
    expect(tokens.verify(tokens.sign('user1', 'all'))).toEqual({ userId: 'user1', scope: 'all' });
  });

  it('rejects forged, tampered and malformed tokens', () => {
    const token = tokens.sign('user1', 'weekly-summary');
    const [, , mac] = token.split('.');
    const bad = [
      `user2.weekly-summary.${mac}`, // another user
      `user1.all.${mac}`, // a wider scope
      `user1.export-ready.${tokens.sign('user1', 'weekly-summary').split('.')[2]}`, // a transactional kind
      new UnsubscribeTokens('another-secret-of-at-least-thirty-two-chars').sign('user1', 'weekly-summary'),
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      `${token}.extra`,
      'user1.weekly-summary.',
      '',
    ];
    for (const t of bad) expect(tokens.verify(t), t).toBeNull();
  });
});
