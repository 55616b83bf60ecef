import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.js';
import { serverEnv, workerEnv } from './schemas.js';
import { unsubscribeSecret } from './email.js';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  BETTER_AUTH_SECRET: 'a'.repeat(32),
  MEDIA_SIGNING_SECRET: 'b'.repeat(32),
};

describe('mail configuration', () => {
  it('defaults to the dev outbox, a local sender and the schedule every 5 minutes', () => {
    const worker = parseEnv(workerEnv, valid, 'apps/worker');
    expect(worker).toMatchObject({ EMAIL_FROM: 'ClipForge <noreply@clipforge.local>', EMAIL_CONCURRENCY: 5, LIFECYCLE_EMAIL_CRON: '*/5 * * * *', PUBLIC_URL: 'http://localhost:3000' });
    expect(worker.RESEND_API_KEY).toBeUndefined();
    expect(parseEnv(serverEnv, { ...valid, RESEND_API_KEY: 're_x' }, 'apps/server').RESEND_API_KEY).toBe('re_x');
  });

  it('refuses a short unsubscribe secret and a Resend URL that is not one', () => {
    const error = (() => {
      try {
        parseEnv(workerEnv, { ...valid, EMAIL_UNSUBSCRIBE_SECRET: 'short', RESEND_BASE_URL: 'not a url' }, 'apps/worker');
      } catch (e) {
        return e;
      }
    })() as EnvError;
    expect(error).toBeInstanceOf(EnvError);
    expect(error.problems.find((p) => p.startsWith('EMAIL_UNSUBSCRIBE_SECRET'))).toContain('at least 32');
    expect(error.problems.find((p) => p.startsWith('RESEND_BASE_URL'))).toBeDefined();
  });

  it('uses its own unsubscribe secret when set, else one derived from the media secret, the same in every process', () => {
    expect(unsubscribeSecret({ EMAIL_UNSUBSCRIBE_SECRET: 'c'.repeat(32), MEDIA_SIGNING_SECRET: 'b'.repeat(32) })).toBe('c'.repeat(32));
    const derived = unsubscribeSecret({ MEDIA_SIGNING_SECRET: 'b'.repeat(32) });
    expect(derived).toBe(unsubscribeSecret({ MEDIA_SIGNING_SECRET: 'b'.repeat(32) }));
    expect(derived).not.toContain('b'.repeat(8));
    expect(derived).not.toBe(unsubscribeSecret({ MEDIA_SIGNING_SECRET: 'd'.repeat(32) }));
  });
});
