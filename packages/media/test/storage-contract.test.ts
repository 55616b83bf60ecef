import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type BlobStorage } from '@clipforge/core';
import { LocalBlobStorage, S3BlobStorage } from '@clipforge/media';
import { startS3 } from '../../../test/support/s3.js';

/** One contract, both adapters: the local directory and S3 (against a real S3-protocol server). */
let s3: Awaited<ReturnType<typeof startS3>>;
const adapters: Record<string, () => BlobStorage> = {
  local: () => new LocalBlobStorage(mkdtempSync(path.join(os.tmpdir(), 'contract-local-'))),
  s3: () => new S3BlobStorage({ ...s3.options, cacheDir: mkdtempSync(path.join(os.tmpdir(), 'contract-s3-cache-')) }),
};

beforeAll(async () => {
  s3 = await startS3();
});

afterAll(async () => {
  await s3?.close();
});

describe.each(Object.keys(adapters))('%s storage', (name) => {
  it('stores streams and files, reads them back through a local path, and knows what exists', async () => {
    const storage = adapters[name]!();
    await storage.check();
    const stored = await storage.put('projects/p1/source.mp4', Readable.from([Buffer.from('video bytes')]), { maxBytes: 100 });
    expect(stored.sizeBytes).toBe(11);
    expect(readFileSync(await storage.localPath('projects/p1/source.mp4'), 'utf8')).toBe('video bytes');

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'contract-')), 'poster.jpg');
    writeFileSync(file, 'jpeg');
    await storage.putFile('projects/p1/poster.jpg', file);
    expect(await storage.exists('projects/p1/poster.jpg')).toBe(true);
    expect(await storage.exists('projects/p1/nope.jpg')).toBe(false);

    // A rewritten object is read anew, not from a stale copy.
    await storage.put('projects/p1/source.mp4', Readable.from([Buffer.from('new video bytes!')]), { maxBytes: 100 });
    expect(readFileSync(await storage.localPath('projects/p1/source.mp4'), 'utf8')).toBe('new video bytes!');

    await storage.delete('projects/p1/');
    expect(await storage.exists('projects/p1/source.mp4')).toBe(false);
    expect(await storage.exists('projects/p1/poster.jpg')).toBe(false);
  });

  it('refuses a stream over the limit and stores nothing', async () => {
    const storage = adapters[name]!();
    const error = await storage.put('projects/p2/source.mp4', Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await storage.exists('projects/p2/source.mp4')).toBe(false);
  });

  it('says a missing object is missing with a plain (retryable) error', async () => {
    const error = await adapters[name]!().localPath('projects/none/source.mp4').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DomainError);
  });
});

describe('S3 presigned URLs', () => {
  it('serve the object to a browser, with Range for seeking', async () => {
    const storage = new S3BlobStorage(s3.options);
    await storage.put('projects/p3/clip.mp4', Readable.from([Buffer.from('0123456789')]), { maxBytes: 100 });
    const url = await storage.signedUrl('projects/p3/clip.mp4', 60);
    expect(url).toContain('X-Amz-Signature=');
    const whole = await fetch(url);
    expect(await whole.text()).toBe('0123456789');
    const part = await fetch(url, { headers: { range: 'bytes=2-4' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('234');
    // (s3rver does not check query signatures, so forged-URL refusal is S3's and MinIO's to prove.)
  });
});
