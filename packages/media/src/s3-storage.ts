import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import * as Minio from 'minio';
import type { BlobStorage } from '@clipforge/core';
import { writeLimited } from './write-limited.js';

export interface S3Options {
  /** e.g. http://minio:9000 or https://s3.eu-west-1.amazonaws.com */
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /** The endpoint as browsers reach it, when it differs (presigned URLs are signed for this host). */
  publicEndpoint?: string;
  /** Where objects are copied for ffmpeg to read. Default: the OS temp dir. */
  cacheDir?: string;
}

function client(endpoint: string, options: S3Options) {
  const url = new URL(endpoint);
  return new Minio.Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    useSSL: url.protocol === 'https:',
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    region: options.region,
    pathStyle: true,
  });
}

const isNotFound = (error: unknown) => ['NotFound', 'NoSuchKey'].includes((error as { code?: string }).code ?? '');

/**
 * Blob storage on S3 or MinIO through the `minio` client. Uploads are staged on local disk first
 * (the size limit is enforced while streaming, and the object is written with a known size);
 * readers get a local copy for ffmpeg; browsers get presigned URLs.
 */
export class S3BlobStorage implements BlobStorage {
  private readonly client: Minio.Client;
  private readonly publicClient: Minio.Client;
  private readonly cacheDir: string;

  constructor(private readonly options: S3Options) {
    this.client = client(options.endpoint, options);
    this.publicClient = client(options.publicEndpoint ?? options.endpoint, options);
    this.cacheDir = options.cacheDir ?? path.join(os.tmpdir(), 'clipforge-s3-cache');
  }

  async put(key: string, body: Readable, options: { maxBytes: number }) {
    await mkdir(this.cacheDir, { recursive: true });
    const staged = path.join(this.cacheDir, `upload-${randomUUID()}`);
    try {
      await writeLimited(body, staged, options.maxBytes);
      return await this.putFile(key, staged);
    } finally {
      await rm(staged, { force: true });
    }
  }

  async putFile(key: string, filePath: string) {
    const { size } = await stat(filePath);
    await this.client.fPutObject(this.options.bucket, key, filePath);
    return { key, sizeBytes: size };
  }

  /** A local copy, downloaded once per key and size (objects are written whole, never in place). */
  async localPath(key: string) {
    const local = path.join(this.cacheDir, 'objects', key);
    let remote: Minio.BucketItemStat;
    try {
      remote = await this.client.statObject(this.options.bucket, key);
    } catch (error) {
      if (isNotFound(error)) throw new Error(`stored object ${key} is missing from bucket ${this.options.bucket}`);
      throw error;
    }
    const cached = await stat(local).catch(() => null);
    if (cached?.size === remote.size) return local;
    await mkdir(path.dirname(local), { recursive: true });
    const partial = `${local}.${randomUUID()}.part`;
    await this.client.fGetObject(this.options.bucket, key, partial);
    await rename(partial, local);
    return local;
  }

  async exists(key: string) {
    try {
      await this.client.statObject(this.options.bucket, key);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(prefix: string) {
    const names: string[] = [];
    for await (const item of this.client.listObjectsV2(this.options.bucket, prefix, true)) {
      if (item.name) names.push(item.name);
    }
    if (names.length) await this.client.removeObjects(this.options.bucket, names);
    await rm(path.join(this.cacheDir, 'objects', prefix), { recursive: true, force: true });
  }

  async check() {
    if (!(await this.client.bucketExists(this.options.bucket))) throw new Error(`bucket ${this.options.bucket} does not exist`);
  }

  /** A presigned, expiring GET URL for browsers (HTTP Range works on it, for seeking). */
  signedUrl(key: string, ttlSeconds: number): Promise<string> {
    return this.publicClient.presignedGetObject(this.options.bucket, key, ttlSeconds);
  }
}
