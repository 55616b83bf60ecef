import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, upload, uniqueEmail } from '../../../test/support/http.js';
import { makeVideo } from '../../../test/support/media.js';

const run = promisify(execFile);
const CLI = path.join(ROOT, 'apps/cli/dist/main.js');
let app: AppUnderTest;
const password = 'cli test password';
const email = uniqueEmail('cli');

beforeAll(async () => {
  app = await startApp();
  const user = await signUp(app.serverUrl, email, password);
  await upload(app.serverUrl, user, makeVideo({ seconds: 1, name: 'cli-listed.mp4' }));
});

afterAll(async () => {
  await app?.stop();
});

const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH!, CLIPFORGE_URL: app.serverUrl, ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('the typed CLI', () => {
  it('signs in and lists the organization’s projects through @trpc/client', async () => {
    const result = await cli(['projects', 'list'], { CLIPFORGE_EMAIL: email, CLIPFORGE_PASSWORD: password });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f-]{36}\s+\w+\s+cli-listed/m);
  });

  it('says what is wrong with bad credentials, without a stack trace', async () => {
    const result = await cli(['projects', 'list'], { CLIPFORGE_EMAIL: email, CLIPFORGE_PASSWORD: 'wrong one' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('clipforge: Email or password is incorrect.');
  });

  it('prints usage for an unknown command', async () => {
    const result = await cli(['nope'], {});
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: npm run clipforge -- projects list');
  });
});
