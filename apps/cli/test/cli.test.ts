import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantedTalk } from '../../../packages/scoring/src/eval/planted-talks.js';
import { ROOT, startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, uniqueEmail, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo, makeVideoWithEmbeddedCaptions, srtForTalk } from '../../../test/support/media.js';

const run = promisify(execFile);
const CLI = path.join(ROOT, 'apps/cli/dist/main.js');
let app: AppUnderTest;
let user: SignedInUser;
const password = 'cli test password';
const email = uniqueEmail('cli');

beforeAll(async () => {
  app = await startApp({ worker: true });
  user = await signUp(app.serverUrl, email, password);
  await upload(app.serverUrl, user, makeVideo({ seconds: 1, name: 'cli-listed.mp4' }));
});

afterAll(async () => {
  await app?.stop();
});

const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH!, CLIPFORGE_URL: app.serverUrl, ...env }, timeout: 240_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

async function token(scopes: string[]) {
  const created = await trpc(app.serverUrl, user, 'tokens.create', { name: `cli ${scopes.join('+')}`, scopes }, 'mutation');
  return created.body.result!.data.secret as string;
}

describe('the typed CLI', () => {
  it('imports a talk with a token, follows the pipeline, exports the best moment at 9:16 and saves it', async () => {
    const talk = plantedTalk(7, { minutes: 2, segments: 2 });
    const video = makeVideoWithEmbeddedCaptions('cli-talk.mp4', { srt: srtForTalk(talk), seconds: Math.ceil(talk.durationMs / 1000) });
    const out = mkdtempSync(path.join(os.tmpdir(), 'clipforge-cli-'));
    const env = { CLIPFORGE_TOKEN: await token(['read', 'write']) };

    const result = await cli(['import', video, '--wait', '--export', '9:16', '--clips', '1', '--out', out], env);
    expect(result.code, result.stderr).toBe(0);
    const projectId = /^project ([0-9a-f-]{36})$/m.exec(result.stdout)![1]!;
    expect(Number(/^(\d+) moments? found$/m.exec(result.stdout)![1])).toBeGreaterThan(0);
    // Not a terminal: the progress bar becomes one line per step and quarter, on stderr.
    for (const step of ['upload: 100%', 'find moments', 'render 1 clip: 100%']) expect(result.stderr).toContain(step);

    const [saved] = readdirSync(out);
    expect(result.stdout).toContain(`saved ${path.join(out, saved!)}`);
    const [width, height] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', path.join(out, saved!)])
      .toString()
      .trim()
      .split(',')
      .map(Number);
    expect(width! / height!).toBeCloseTo(9 / 16, 2);

    const shown = await cli(['projects', 'show', projectId], env);
    expect(shown.stdout).toMatch(/^status\s+ready$/m);
    expect(shown.stdout).toMatch(/^moments\s+ready, \d+ found$/m);
    const exportsList = await cli(['exports', 'list', projectId], env);
    expect(exportsList.stdout).toMatch(/ready\s+9:16 .*\/media\//);
    const history = await cli(['credits', 'history'], env);
    expect(history.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}reserve\s+-\d+ {2}→ \d+/m); // the import reserved its minutes
  });

  it('says what a read-only token may not do', async () => {
    const result = await cli(['import', makeVideo({ seconds: 1 })], { CLIPFORGE_TOKEN: await token(['read']) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^clipforge: This API token lacks the "write" scope/m);
    const balance = await cli(['credits', 'balance'], { CLIPFORGE_TOKEN: await token(['read']) });
    expect(balance.stdout).toMatch(/^\d+ credits .* on the Free plan$/m);
  });

  it('signs in with email and password and lists the organization’s projects', async () => {
    const result = await cli(['projects', 'list'], { CLIPFORGE_EMAIL: email, CLIPFORGE_PASSWORD: password });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f-]{36}\s+\w+\s+cli-listed/m);
  });

  it('says what is wrong with bad credentials, a revoked token or an unreachable server, without a stack trace', async () => {
    const badPassword = await cli(['projects', 'list'], { CLIPFORGE_EMAIL: email, CLIPFORGE_PASSWORD: 'wrong one' });
    expect(badPassword.code).toBe(1);
    expect(badPassword.stderr.trim()).toBe('clipforge: Email or password is incorrect.');

    const badToken = await cli(['projects', 'list'], { CLIPFORGE_TOKEN: `cf_${'x'.repeat(43)}` });
    expect(badToken.stderr.trim()).toMatch(/^clipforge: This API token is invalid, expired or revoked/);

    const nobody = await cli(['projects', 'list'], { CLIPFORGE_TOKEN: 'cf_x', CLIPFORGE_URL: 'http://127.0.0.1:9' });
    expect(nobody.stderr.trim()).toBe('clipforge: Cannot reach ClipForge at http://127.0.0.1:9. Is it running? Set CLIPFORGE_URL to its address.');
    expect(nobody.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks options before connecting and prints usage for an unknown command', async () => {
    const badAspect = await cli(['import', 'talk.mp4', '--export', '3:4'], {});
    expect(badAspect.code).toBe(2);
    expect(badAspect.stderr).toContain('--export must be one of 9:16, 1:1, 4:5, 16:9 (got "3:4").');
    const unknown = await cli(['nope'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('Usage: npm run clipforge -- <command>');
    const noCredentials = await cli(['projects', 'list'], {});
    expect(noCredentials.stderr).toContain('Set CLIPFORGE_TOKEN');
  });
});
