import type { BlobStorage } from '@clipforge/core';
import { LocalBlobStorage } from './local-storage.js';
import { S3BlobStorage, type S3Options } from './s3-storage.js';
import { signMediaPath } from './media-url.js';

export interface StorageConfig {
  localDir: string;
  /** Set to use S3/MinIO instead of the local directory. */
  s3: S3Options | null;
  mediaSigningSecret: string;
  mediaUrlTtlSeconds: number;
}

/**
 * The configured storage and how browsers reach its files: signed `/media/…` paths served by the
 * API for the local directory, presigned URLs for S3. `local` is set only for the local adapter
 * (the API's /media route serves from it).
 */
export function createStorage(config: StorageConfig): {
  storage: BlobStorage;
  local: LocalBlobStorage | null;
  mediaUrl: (key: string) => Promise<string>;
} {
  if (config.s3) {
    const s3 = new S3BlobStorage(config.s3);
    return { storage: s3, local: null, mediaUrl: (key) => s3.signedUrl(key, config.mediaUrlTtlSeconds) };
  }
  const local = new LocalBlobStorage(config.localDir);
  return { storage: local, local, mediaUrl: async (key) => signMediaPath(key, config.mediaSigningSecret, config.mediaUrlTtlSeconds) };
}
