import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError, type BlobStorage } from '@clipforge/core';
import { writeLimited } from './write-limited.js';

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
    const sizeBytes = await writeLimited(body, temp, options.maxBytes);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
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
