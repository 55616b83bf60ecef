import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApp, startProcess, type AppUnderTest, type RunningProcess } from '../support/processes.js';
import { uniqueEmail } from '../support/http.js';
import { execFileSync } from 'node:child_process';
import { makeSpokenVideo, makeTextFile, makeVideo, makeVideoWithEmbeddedCaptions, SAMPLE_SRT, srtForTalk, writeCaptionFile } from '../support/media.js';
import { plantedTalk } from '../../packages/scoring/src/eval/planted-talks.js';
import pg from 'pg';
import { TwoLevelCache } from '@clipforge/cache';
import { accountCacheKey } from '@clipforge/core';

/** The first slice in a real browser: sign up, upload, watch the import live, see the result. */
let app: AppUnderTest;
let browser: Browser;
let worker: RunningProcess | null = null;

beforeAll(async () => {
  // No worker yet: the test starts it once the page shows the queued project, so the page must
  // update live for the test to pass.
  app = await startApp({ web: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await app?.stop();
});

async function signUpThroughUi(page: Page, email: string) {
  await page.goto(app.webUrl!);
  await page.waitForURL('**/signin');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Name').fill('E2E Tester');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill('a long enough password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/projects');
  await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toBe(email);
}

describe('upload → import → live progress → metadata, in Chromium', () => {
  it('imports an uploaded video while the page watches, without a reload', async () => {
    const page = await browser.newPage();
    const email = uniqueEmail('e2e');
    await signUpThroughUi(page, email);

    await page.getByTestId('upload-input').setInputFiles(makeVideo({ seconds: 3, width: 320, height: 240, name: 'launch-talk.mp4' }));
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('project-status').textContent()).toBe('Queued');
    await expect.poll(() => page.getByTestId('import-progress').isVisible()).toBe(true);

    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    worker = startProcess('worker', app.env);

    await expect.poll(() => page.getByTestId('project-status').textContent(), { timeout: 30_000 }).toBe('Ready');
    expect(navigations).toBe(0);
    await expect.poll(() => page.getByTestId('meta-resolution').textContent()).toBe('320×240');
    expect(await page.getByTestId('meta-duration').textContent()).toBe('0:03');
    expect(await page.getByTestId('meta-video-codec').textContent()).toBe('h264');
    expect(await page.getByTestId('meta-audio-codec').textContent()).toBe('aac');
    await expect
      .poll(() => page.getByTestId('poster').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(320);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('launch-talk');

    await page.getByRole('link', { name: '← All projects' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'launch-talk' }).count()).toBe(1);
    await page.close();
  });

  it('marks a file that is not a video as failed with the reason on the page', async () => {
    const page = await browser.newPage();
    await signUpThroughUi(page, uniqueEmail('e2e-bad'));
    await page.getByTestId('upload-input').setInputFiles(makeTextFile('quarterly-notes.txt'));
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('project-status').textContent(), { timeout: 30_000 }).toBe('Failed');
    expect(await page.getByTestId('failure-reason').textContent()).toMatch(/not a video ClipForge can read/);
    await page.close();
  });

  it('shows the transcript from embedded captions and keeps a corrected word', async () => {
    const page = await browser.newPage();
    await signUpThroughUi(page, uniqueEmail('e2e-words'));
    await page.getByTestId('upload-input').setInputFiles(makeVideoWithEmbeddedCaptions('captioned-talk.mp4'));
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const words = page.getByTestId('transcript-words');
    await expect.poll(() => words.textContent(), { timeout: 30_000 }).toMatch(/Welcome\s+to\s+the\s+launch\s+talk/);

    await words.getByRole('button', { name: 'launch' }).click();
    await page.getByTestId('word-input').fill('keynote');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => words.textContent()).toMatch(/the\s+keynote\s+talk/);
    await page.reload();
    await expect.poll(() => page.getByTestId('transcript-words').textContent()).toMatch(/the\s+keynote\s+talk/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');
    await page.goto(`${app.webUrl}/projects`);
    await page.waitForURL('**/signin'); // the session is really gone
    await page.close();
  });

  it('goes from a spoken talk and a caption sidecar to a downloaded 9:16 clip with captions', async () => {
    const page = await browser.newPage();
    await signUpThroughUi(page, uniqueEmail('e2e-export'));
    await page.getByTestId('upload-input').setInputFiles(makeSpokenVideo('Welcome to the launch talk. Three things matter today.', 'spoken-talk.mp4'));
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    // No speech engine here: the transcript says what to do, and the sidecar supplies the words.
    await expect.poll(() => page.getByTestId('transcript-failure').textContent(), { timeout: 30_000 }).toMatch(/caption file/);
    await page.getByTestId('captions-input').setInputFiles(writeCaptionFile(SAMPLE_SRT, 'spoken-talk.srt'));
    await expect.poll(() => page.getByTestId('transcript-words').textContent(), { timeout: 30_000 }).toMatch(/three\s+things\s+matter/);

    await page.getByTestId('export-aspect').selectOption('9:16');
    await page.getByTestId('export-captions').selectOption('karaoke');
    await page.getByTestId('export-submit').click();
    await expect.poll(() => page.getByTestId('export-item').getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-mp4').click()]);
    const file = await download.path();
    const streams = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim();
    expect(streams).toBe('720,1280'); // the Free plan's export resolution
    await page.close();
  });

  it('finds explained moments, re-scores them with steering, trims one to word boundaries and exports it', async () => {
    const page = await browser.newPage();
    await signUpThroughUi(page, uniqueEmail('e2e-moments'));
    const talk = plantedTalk(41, { minutes: 2, segments: 2 });
    const video = makeVideoWithEmbeddedCaptions('moments-talk.mp4', { srt: srtForTalk(talk), seconds: Math.ceil(talk.durationMs / 1000) });
    await page.getByTestId('upload-input').setInputFiles(video);
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const list = page.getByTestId('moment-list');
    await expect.poll(() => list.getByTestId('moment').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await list.getByTestId('moment-reason').first().textContent()).toMatch(/\w+.*\./);
    expect(await page.getByTestId('score-chart').locator('rect').count()).toBeGreaterThan(0);

    // Re-score: two clips of 15–30 s.
    await page.getByTestId('steering').locator('select[name=length]').selectOption('15-30');
    await page.getByTestId('steering').locator('input[name=count]').fill('2');
    await page.getByTestId('rescore').click();
    const lengths = async () =>
      (await list.getByTestId('moment-range').allTextContents()).map((t) => Number(/\(([\d.]+) s\)/.exec(t)![1]));
    await expect.poll(async () => (await lengths()).length).toBeLessThanOrEqual(2);
    await expect.poll(async () => Math.max(...(await lengths()))).toBeLessThanOrEqual(30);

    // Trim the best moment: the start handle moves 2.5 s in and lands between words.
    const first = list.getByTestId('moment').first();
    const before = await first.getByTestId('moment-range').textContent();
    await first.getByTestId('trim-open').click();
    const startHandle = first.getByTestId('trim-start');
    const startMs = Number(await startHandle.inputValue());
    await startHandle.fill(String(startMs + 2500));
    await first.getByTestId('trim-save').click();
    await expect.poll(() => first.getByTestId('moment-range').textContent()).toMatch(/trimmed/);
    const trimmedStart = Number(/^([\d.]+) s/.exec((await first.getByTestId('moment-range').textContent())!)![1]) * 1000;
    expect(trimmedStart).not.toBe(Number(/^([\d.]+) s/.exec(before!)![1]) * 1000);
    // The edge sits between the transcript's words (as the server holds them), never inside one.
    const projectId = page.url().split('/').at(-1)!;
    const words = await page.evaluate(async (id) => {
      const response = await fetch(`/trpc/transcripts.get?input=${encodeURIComponent(JSON.stringify({ projectId: id }))}`);
      return ((await response.json()) as { result: { data: { words: { startMs: number; endMs: number }[] } } }).result.data.words;
    }, projectId);
    expect(words.length).toBeGreaterThan(100);
    expect(words.some((w) => trimmedStart > w.startMs + 50 && trimmedStart < w.endMs - 50)).toBe(false);

    // Export it at 9:16: the render follows in the exports list.
    await first.getByTestId('moment-export').click();
    await expect.poll(() => page.getByTestId('export-item').first().getAttribute('data-status'), { timeout: 90_000 }).toBe('ready');
    await page.close();
  });

  it('shows credits in the header, stops an upload the balance cannot cover before it starts, and lists the ledger', async () => {
    const page = await browser.newPage();
    const email = uniqueEmail('e2e-credits');
    await signUpThroughUi(page, email);
    await expect.poll(() => page.getByTestId('credit-balance').textContent()).toBe('60 credits');

    // Spend the trial through the ledger, as an operator's adjustment would.
    const sql = new pg.Client({ connectionString: app.env.DATABASE_URL });
    await sql.connect();
    try {
      const { rows } = await sql.query(`select m."organizationId" as org from "user" u join member m on m."userId" = u.id where u.email = $1`, [email]);
      await sql.query('begin');
      await sql.query(`update credit_account set balance = balance - 60 where org_id = $1`, [rows[0].org]);
      await sql.query(`insert into credit_transaction (id, org_id, type, amount, balance_after, idempotency_key, note) values (gen_random_uuid(), $1, 'adjustment', -60, 0, $2, 'test')`, [rows[0].org, `e2e:${rows[0].org}`]);
      await sql.query('commit');
      // Changed behind the service's back, so drop the cached balance as an operator tool would.
      const cache = new TwoLevelCache({ redisUrl: app.env.REDIS_URL!, prefix: app.env.REDIS_PREFIX! });
      await cache.invalidate(accountCacheKey(rows[0].org));
      await cache.close();
    } finally {
      await sql.end();
    }
    await page.reload();
    await expect.poll(() => page.getByTestId('credit-balance').textContent()).toBe('0 credits');

    await page.getByTestId('upload-input').setInputFiles(makeVideo({ seconds: 3, name: 'no-credits.mp4' }));
    await expect.poll(() => page.getByTestId('upload-error').textContent()).toMatch(/needs 1 credit \(1 per started minute\); your organization has 0/);
    expect(page.url()).toMatch(/\/projects$/); // nothing was uploaded

    await page.getByTestId('credit-balance').click();
    await page.waitForURL('**/credits');
    await expect.poll(() => page.getByTestId('credits-balance').textContent()).toBe('0');
    await expect.poll(() => page.getByTestId('credit-entry').allTextContents()).toEqual([
      expect.stringMatching(/^-60\s+Adjustment: test/),
      expect.stringMatching(/^\+60\s+Granted: Trial credits/),
    ]);
    expect(await page.getByTestId('plans').locator('tbody tr').count()).toBe(5);
    await page.close();
  });

  it('creates an API token shown once, which works until it is revoked', async () => {
    const page = await browser.newPage();
    await signUpThroughUi(page, uniqueEmail('e2e-tokens'));
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.waitForURL('**/settings/tokens');
    await page.getByTestId('token-name').fill('nightly import');
    await page.getByTestId('token-write').uncheck();
    await page.getByTestId('token-create').click();
    const secret = (await page.getByTestId('token-secret').textContent())!.trim();
    expect(secret).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => page.getByTestId('token-row').first().textContent()).toMatch(/nightly import.*read/);

    const asToken = () => fetch(`${app.serverUrl}/trpc/projects.list?input=%7B%7D`, { headers: { authorization: `Bearer ${secret}` } }).then((r) => r.status);
    expect(await asToken()).toBe(200);
    await page.reload(); // the secret is gone for good
    expect(await page.getByTestId('token-secret').count()).toBe(0);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('token-revoke').first().click();
    await expect.poll(() => page.getByTestId('token-row').first().getAttribute('data-state')).toBe('revoked');
    expect(await asToken()).toBe(401);
    await page.close();
  });

  it('says why a sign-in failed without revealing whether the account exists', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.webUrl}/signin`);
    await page.getByLabel('Email').fill(uniqueEmail('nobody'));
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email or password is incorrect.');
    await page.close();
  });
});
