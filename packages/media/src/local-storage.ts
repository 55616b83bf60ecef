import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, type BlobStorage } from '@clipforge/core';

/** Blob storage on the local filesystem (the embedded default). Writes land atomically via rename. */
export class LocalBlobStorage implements BlobStorage {
  constructor(readonly root: string) {}

  /** Resolves a key inside the root; rejects keys that would escape it. */
  resolve(key: string): string {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9._/-]*$/.test(key) || key.split('/').includes('..')) {
      throw new DomainError('BAD_INPUT', `Invalid storage key "${key}".`);
    }
    return path.join(this.root, key);
  }

  async put(key: string, body: Readable, options: { maxBytes: number }) {
    const target = this.resolve(key);
    const temp = await this.tempPath();
    let sizeBytes = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > options.maxBytes) done(tooLarge(options.maxBytes));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(body, limit, createWriteStream(temp));
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { key, sizeBytes };
  }

  async putFile(key: string, filePath: string) {
    const target = this.resolve(key);
    const temp = await this.tempPath();
    await copyFile(filePath, temp);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
    return { key, sizeBytes: (await stat(target)).size };
  }

  /** Throws a plain (retryable) error when the file is missing: that is our fault, not the user's. */
  async localPath(key: string) {
    const file = this.resolve(key);
    try {
      await stat(file);
    } catch {
      throw new Error(`stored file ${key} is missing under ${this.root}`);
    }
    return file;
  }

  async exists(key: string) {
    return stat(this.resolve(key)).then(
      () => true,
      () => false,
    );
  }

  async delete(prefix: string) {
    await rm(this.resolve(prefix), { recursive: true, force: true });
  }

  async check() {
    const probe = path.join(this.root, '.tmp', `health-${process.pid}`);
    await mkdir(path.dirname(probe), { recursive: true });
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  }

  private async tempPath() {
    const dir = path.join(this.root, '.tmp');
    await mkdir(dir, { recursive: true });
    return path.join(dir, randomUUID());
  }
}

export function tooLarge(maxBytes: number) {
  return new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than the upload limit of ${formatBytes(maxBytes)}.`);
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
