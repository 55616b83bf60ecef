import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@clipforge/core';
import { findYtDlp, httpRemoteSource, WEB_PAGE_WITHOUT_YTDLP, ytDlpDownload } from '@clipforge/media';
import { makeVideo } from '../../../test/support/media.js';
import { startMediaHost } from '../../../test/support/media-host.js';

/**
 * Links to web pages through the real yt-dlp (Debian's package, which `npm test` installs) and
 * its generic extractor, every connection through the filtering proxy, against a page served by
 * the test's own media host on 127.0.0.1.
 */
const ytDlpPath = findYtDlp(undefined);
if (!ytDlpPath) throw new Error('yt-dlp is not installed: `npm test` installs it (Debian package yt-dlp), or run apt-get install yt-dlp');

let host: Awaited<ReturnType<typeof startMediaHost>>;
const video = makeVideo({ seconds: 2, name: 'on-a-page.mp4' });
const dir = mkdtempSync(path.join(os.tmpdir(), 'ytdlp-import-'));
let n = 0;
const target = () => path.join(dir, `download-${n++}`);
const source = (options: { maxBytes?: number; ytDlp?: boolean } = {}) =>
  httpRemoteSource({ allowHosts: ['127.0.0.1'], maxBytes: options.maxBytes ?? 50_000_000, ytDlp: options.ytDlp === false ? null : { path: ytDlpPath } });

async function refusal(url: string, options: { maxBytes?: number; ytDlp?: boolean } = {}) {
  const file = target();
  const error = await source(options).download(url, file, () => {}).then(() => null, (e: unknown) => e);
  expect(error, `${url} should have been refused`).toBeInstanceOf(DomainError);
  expect(existsSync(file)).toBe(false);
  return error as DomainError;
}

beforeAll(async () => {
  host = await startMediaHost(video);
});
afterAll(async () => {
  await host.close();
});

describe('link to a web page, with yt-dlp', () => {
  it('downloads the video the page shows, through the proxy, reporting progress', async () => {
    const file = target();
    const progress: (number | null)[] = [];
    await source().download(`${host.origin}/watch`, file, (f) => progress.push(f));
    expect(statSync(file).size).toBe(statSync(video).size);
    expect(progress.at(-1)).toBe(1);
    expect(readdirLeftovers()).toEqual([]); // the yt-dlp work directory is gone
  });

  it('refuses a page whose video lives at a loopback name, with the reason', async () => {
    const error = await refusal(`${host.origin}/watch?video=${encodeURIComponent(`http://localhost:${host.port}/video.mp4`)}`);
    expect(error.message).toMatch(/loopback address \(localhost → /);
  });

  it('keeps refusing with NO_PROXY set for the worker (Python would bypass --proxy if it were passed on)', async () => {
    // The refused address is our own loopback host: were the proxy bypassed, the video would download
    // (and the test fail) without any connection leaving this machine.
    process.env.NO_PROXY = process.env.no_proxy = '*';
    try {
      const error = await refusal(`${host.origin}/watch?video=${encodeURIComponent(`http://localhost:${host.port}/video.mp4`)}`);
      expect(error.message).toMatch(/loopback address \(localhost → /);
    } finally {
      delete process.env.NO_PROXY;
      delete process.env.no_proxy;
    }
  });

  it('says so when the page has no video', async () => {
    expect((await refusal(`${host.origin}/page`)).message).toBe('No video was found on this web page. Paste a link to the video itself.');
  });

  it('refuses a video larger than the limit', async () => {
    const error = await refusal(`${host.origin}/watch`, { maxBytes: 1000 });
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/larger than the limit/);
  });

  it('stops yt-dlp at its time limit and says so, leaving nothing behind', async () => {
    const file = target();
    const error = await ytDlpDownload(`${host.origin}/watch`, file, { path: ytDlpPath, allowHosts: ['127.0.0.1'], maxBytes: 50_000_000, timeoutMs: 300 }, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/took longer than/);
    expect(existsSync(file)).toBe(false);
    expect(readdirLeftovers()).toEqual([]);
  });

  it('still takes direct media links without yt-dlp', async () => {
    const file = target();
    await source().download(`${host.origin}/video.mp4`, file, () => {});
    expect(statSync(file).size).toBe(statSync(video).size);
  });
});

describe('link to a web page, without yt-dlp', () => {
  it('says the link is a page and what the operator can install', async () => {
    expect((await refusal(`${host.origin}/watch`, { ytDlp: false })).message).toBe(WEB_PAGE_WITHOUT_YTDLP);
  });
});

function readdirLeftovers() {
  return readdirSync(dir).filter((name) => name.startsWith('yt-dlp-'));
}
