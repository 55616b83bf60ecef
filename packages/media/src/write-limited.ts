import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@clipforge/core';

/**
 * Streams `body` into `filePath`, failing with PAYLOAD_TOO_LARGE (and removing the partial file)
 * as soon as it passes `maxBytes`. `onBytes` hears the running total. Returns the size written.
 */
export async function writeLimited(body: Readable, filePath: string, maxBytes: number, onBytes?: (received: number) => void): Promise<number> {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > maxBytes) return done(tooLarge(maxBytes));
      onBytes?.(received);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(filePath));
  } catch (error) {
    await rm(filePath, { force: true });
    throw error;
  }
  return received;
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
