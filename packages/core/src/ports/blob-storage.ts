import type { Readable } from 'node:stream';

export interface StoredBlob {
  key: string;
  sizeBytes: number;
}

export interface BlobStorage {
  /** Streams `body` under `key`; rejects with PAYLOAD_TOO_LARGE past `maxBytes`, leaving nothing behind. */
  put(key: string, body: Readable, options: { maxBytes: number }): Promise<StoredBlob>;
  /** Copies a local file into storage (worker outputs such as posters). */
  putFile(key: string, filePath: string): Promise<StoredBlob>;
  /** A local path ffmpeg can read; adapters for remote stores download to a temp file. */
  localPath(key: string): Promise<string>;
  exists(key: string): Promise<boolean>;
  delete(prefix: string): Promise<void>;
  /** Is the store reachable and writable? Used by /health. */
  check(): Promise<void>;
}
