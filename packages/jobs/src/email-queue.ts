import type { EmailQueue } from '@clipforge/core';
import { enqueue, lazyProducer, type QueueConnection } from './queues.js';

/** A Resend call that hangs must not hold a slot forever. */
const SEND_TIMEOUT_MS = 60_000;

/** The `email` queue as producers (server, worker stages, scheduler) see it. */
export function createEmailQueue(connection: QueueConnection): EmailQueue & { close(): Promise<void> } {
  const producer = lazyProducer('email', connection);
  return {
    enqueueEmail: async (sendId) => enqueue(await producer.get(), 'email', { sendId }, SEND_TIMEOUT_MS),
    close: () => producer.close(),
  };
}
