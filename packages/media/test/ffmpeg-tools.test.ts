import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@clipforge/core';
import { ffmpegTools, LocalBlobStorage } from '@clipforge/media';
import { makeTextFile, makeVideo } from '../../../test/support/media.js';

const tools = ffmpegTools({ ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' });

describe('ffmpeg tools on real media', () => {
  it('probes a generated video', async () => {
    const metadata = await tools.probe(makeVideo({ seconds: 2, width: 426, height: 240 }));
    expect(metadata).toMatchObject({ width: 426, height: 240, videoCodec: 'h264', audioCodec: 'aac' });
    expect(metadata.durationSec).toBeGreaterThan(1.9);
    expect(metadata.durationSec).toBeLessThan(2.2);
  });

  it('rejects a text file with a reason the user can act on', async () => {
    const error = await tools.probe(makeTextFile()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/not a video/);
  });

  it('writes a JPEG poster', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'poster-')), 'poster.jpg');
    await tools.poster(makeVideo(), out, 1);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });
});

describe('LocalBlobStorage', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'storage-'));
  const storage = new LocalBlobStorage(root);

  it('stores a stream and reports its size', async () => {
    const stored = await storage.put('projects/a/source.mp4', Readable.from([Buffer.alloc(1000), Buffer.alloc(24)]), { maxBytes: 2000 });
    expect(stored.sizeBytes).toBe(1024);
    expect(readFileSync(path.join(root, 'projects/a/source.mp4')).length).toBe(1024);
  });

  it('rejects a stream over the limit and leaves nothing behind', async () => {
    const error = await storage
      .put('projects/b/source.mp4', Readable.from([Buffer.alloc(1500), Buffer.alloc(1500)]), { maxBytes: 2048 })
      .catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('PAYLOAD_TOO_LARGE');
    expect((error as DomainError).message).toContain('2 KB');
    expect(existsSync(path.join(root, 'projects/b/source.mp4'))).toBe(false);
    expect(readdirSync(path.join(root, '.tmp'))).toEqual([]);
  });

  it('refuses keys that would escape the root', () => {
    expect(() => storage.resolve('../etc/passwd')).toThrow(DomainError);
    expect(() => storage.resolve('projects/../../x')).toThrow(DomainError);
    expect(() => storage.resolve('/abs')).toThrow(DomainError);
  });
});

describe('LocalBlobStorage.localPath', () => {
  it('fails with a plain error, not a user-facing one, when the file is missing', async () => {
    const storage = new LocalBlobStorage(mkdtempSync(path.join(os.tmpdir(), 'storage-')));
    const error = await storage.localPath('projects/none/source.mp4').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DomainError);
  });
});
