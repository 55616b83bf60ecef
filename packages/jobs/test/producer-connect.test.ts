import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailQueue } from '@clipforge/jobs';

/**
 * A Redis that drops the connection while the client is still connecting (its ready check): the
 * producer reports it cannot reach Redis, and no stray error event is left to kill the process
 * (vitest fails the run on an unhandled error).
 */
let server: net.Server;
let port: number;
const dropped: Promise<void>[] = [];

beforeAll(async () => {
  server = net.createServer((socket) => {
    dropped.push(new Promise((resolve) => socket.once('close', () => resolve())));
    socket.once('data', () => socket.resetAndDestroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a queue producer whose Redis goes away while it connects', () => {
  it('fails the enqueue with a reason and leaves no unhandled error behind', async () => {
    const queue = createEmailQueue({ redisUrl: `redis://127.0.0.1:${port}`, prefix: 'connect-test' });
    await expect(queue.enqueueEmail(randomUUID())).rejects.toThrow('cannot reach Redis for the email queue');
    await Promise.all(dropped);
    await new Promise((resolve) => setImmediate(resolve)); // let node_redis emit what follows the reset
    await queue.close();
  });
});
