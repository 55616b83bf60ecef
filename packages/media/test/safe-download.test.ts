import { existsSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@clipforge/core';
import { safeDownload } from '@clipforge/media';
import { makeVideo } from '../../../test/support/media.js';
import { startMediaHost } from '../../../test/support/media-host.js';

/** SSRF protection against a real HTTP server on loopback: every case is a real request attempt. */
let host: Awaited<ReturnType<typeof startMediaHost>>;
const dir = mkdtempSync(path.join(os.tmpdir(), 'safe-download-'));
const video = makeVideo({ seconds: 2, name: 'hosted.mp4' });
let n = 0;
const target = () => path.join(dir, `out-${n++}`);

async function refusal(url: string, options: { allowHosts?: string[]; maxBytes?: number } = {}) {
  const file = target();
  const error = await safeDownload(url, file, { maxBytes: 50_000_000, timeoutMs: 5000, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${url} should have been refused`).toBeInstanceOf(DomainError);
  expect(existsSync(file)).toBe(false);
  return (error as DomainError).message;
}

beforeAll(async () => {
  host = await startMediaHost(video);
});

afterAll(async () => {
  await host.close();
});

describe('safeDownload refuses non-public destinations', () => {
  it('refuses loopback by IP, by name and in IPv6 and integer forms', async () => {
    expect(await refusal(`${host.origin}/video.mp4`)).toMatch(/loopback address \(127\.0\.0\.1\)/);
    expect(await refusal(`http://localhost:${host.port}/video.mp4`)).toMatch(/loopback address \(localhost → (127\.0\.0\.1|::1)\)/);
    expect(await refusal(`http://[::1]:${host.port}/video.mp4`)).toMatch(/loopback/);
    expect(await refusal(`http://[::ffff:127.0.0.1]:${host.port}/video.mp4`)).toMatch(/loopback/);
    expect(await refusal(`http://2130706433:${host.port}/video.mp4`)).toMatch(/loopback/); // 127.0.0.1 as one integer
  });

  it('refuses cloud metadata (link-local) and private networks without connecting', async () => {
    expect(await refusal('http://169.254.169.254/latest/meta-data/')).toMatch(/link-local/);
    expect(await refusal('http://[fe80::1]/')).toMatch(/link-local/);
    expect(await refusal('http://10.0.0.7/video.mp4')).toMatch(/private network/);
    expect(await refusal('http://192.168.1.20/video.mp4')).toMatch(/private network/);
    expect(await refusal('http://[fd12::1]/video.mp4')).toMatch(/private network/);
    expect(await refusal('http://100.64.1.1/video.mp4')).toMatch(/carrier-grade NAT/);
  });

  it('refuses schemes other than http(s)', async () => {
    expect(await refusal('file:///etc/passwd')).toMatch(/Only http and https/);
    expect(await refusal('ftp://example.com/video.mp4')).toMatch(/Only http and https/);
  });
});

describe('safeDownload with the host allow-listed', () => {
  const allowHosts = ['127.0.0.1'];

  it('downloads a video and reports progress', async () => {
    const file = target();
    const seen: number[] = [];
    const result = await safeDownload(`${host.origin}/video.mp4`, file, { allowHosts, maxBytes: 50_000_000, onProgress: (r) => seen.push(r) });
    expect(result.sizeBytes).toBe(statSync(video).size);
    expect(statSync(file).size).toBe(statSync(video).size);
    expect(seen.at(-1)).toBe(statSync(video).size);
  });

  it('checks every redirect hop', async () => {
    const via = (to: string) => `${host.origin}/redirect?to=${encodeURIComponent(to)}`;
    expect(await refusal(via('http://169.254.169.254/latest/meta-data/'), { allowHosts })).toMatch(/link-local/);
    expect(await refusal(via(`http://localhost:${host.port}/video.mp4`), { allowHosts })).toMatch(/loopback/);
    expect(await refusal(via('http://10.1.2.3/'), { allowHosts })).toMatch(/private network/);
    expect(await refusal(via('file:///etc/passwd'), { allowHosts })).toMatch(/Only http and https/);
    expect(await refusal(`${host.origin}/loop`, { allowHosts })).toMatch(/redirects too many times/);
    const ok = await safeDownload(via('/video.mp4'), target(), { allowHosts, maxBytes: 50_000_000 });
    expect(ok.finalUrl).toBe(`${host.origin}/video.mp4`);
  });

  it('refuses web pages, missing files and files over the limit', async () => {
    expect(await refusal(`${host.origin}/page`, { allowHosts })).toMatch(/web page, not a video file/);
    expect(await refusal(`${host.origin}/missing.mp4`, { allowHosts })).toMatch(/HTTP 404/);
    expect(await refusal(`${host.origin}/video.mp4`, { allowHosts, maxBytes: 1000 })).toMatch(/limit is 1000 bytes/);
  });
});
