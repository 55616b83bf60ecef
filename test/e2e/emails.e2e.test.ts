import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startApp, type AppUnderTest } from '../support/processes.js';
import { uniqueEmail } from '../support/http.js';

/** Emails in a real browser: sign up, read the welcome mail in the dev outbox, change preferences. */
let app: AppUnderTest;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ web: true, worker: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('sign-up → welcome mail in the dev outbox → email settings, in Chromium', () => {
  it('shows the welcome mail after sign-up and saves email preferences and the time zone', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const email = uniqueEmail('e2e-mail');
    await page.goto(`${app.webUrl}/signup`);
    await page.getByLabel('Name').fill('Mail Tester');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill('a long enough password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL('**/projects');

    // The worker delivers the welcome mail to the outbox; the page's Refresh asks again until it is there.
    await page.getByRole('link', { name: 'Outbox' }).click();
    await expect
      .poll(
        async () => {
          if ((await page.getByTestId('outbox-mail').count()) > 0) return page.getByTestId('outbox-mail').count();
          await page.getByRole('button', { name: 'Refresh' }).click({ timeout: 1000 }).catch(() => {});
          return 0;
        },
        { interval: 1000, timeout: 30_000 },
      )
      .toBe(1);
    await expect.poll(() => page.getByTestId('outbox-on').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('outbox-subject').textContent()).toBe('Welcome to ClipForge');
    const frame = page.frameLocator('iframe[title="Rendered mail"]');
    await expect.poll(() => frame.getByText('Your trial lasts 14 days').isVisible()).toBe(true);
    await expect.poll(() => frame.getByRole('link', { name: 'Upload your first video' }).getAttribute('href')).toBe(`${app.webUrl}/projects`);

    await page.getByRole('link', { name: 'Email settings' }).click();
    const weekly = page.getByTestId('email-kind-weekly-summary');
    await expect.poll(() => weekly.isChecked()).toBe(true);
    await weekly.uncheck();
    await expect.poll(() => page.getByTestId('email-settings-saved').isVisible()).toBe(true);
    await page.getByTestId('use-browser-time-zone').click();
    await expect.poll(() => page.getByTestId('email-time-zone').textContent()).toBe('Europe/Paris');

    await page.reload(); // saved on the server, not just on the page
    await expect.poll(() => page.getByTestId('email-time-zone').textContent()).toBe('Europe/Paris');
    await expect.poll(() => page.getByTestId('email-kind-weekly-summary').isChecked()).toBe(false);
    await expect.poll(() => page.getByTestId('email-kind-inactivity').isChecked()).toBe(true);
    await context.close();
  });

  it('unsubscribes from the page a mail links to', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${app.webUrl}/unsubscribe?token=forged.all.AAAA`);
    expect(response?.status()).toBe(200);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This unsubscribe link is not valid');
    await page.close();
  });

  it('takes a mail provider’s one-click POST (a form, no Origin) through the web app, and still refuses cross-site forms to its pages', async () => {
    const oneClick = await fetch(`${app.webUrl}/email/unsubscribe?token=forged.all.AAAA`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(403); // reached the server, which refused the forged token
    expect((await oneClick.json()).error.code).toBe('FORBIDDEN');
    const crossSite = await fetch(`${app.webUrl}/settings/emails`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'x=1',
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('Cross-site POST form submissions are forbidden');
    // The API behind the web app too: a form from elsewhere never reaches an upload.
    const crossSiteUpload = await fetch(`${app.webUrl}/uploads?name=x.mp4`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', origin: 'https://evil.example' },
      body: '--x--',
    });
    expect(crossSiteUpload.status).toBe(403);
  });
});
