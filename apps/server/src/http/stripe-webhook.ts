import type { IncomingMessage, ServerResponse } from 'node:http';
import { toBillingEvent } from '@clipforge/billing';
import type { Container } from '../container.js';
import { sendError, sendJson } from './respond.js';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * POST /webhooks/stripe: the raw body (the signature covers its exact bytes), verified with the
 * Stripe SDK, then applied by the billing service (duplicates and out-of-order events are safe).
 */
export async function handleStripeWebhook(container: Container, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Stripe webhooks are POSTed.');
  if (!container.billing) return sendError(res, 503, 'BILLING_OFF', 'Billing is off on this server: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.');
  const signature = req.headers['stripe-signature'];
  if (typeof signature !== 'string') return sendError(res, 400, 'BAD_SIGNATURE', 'Missing Stripe-Signature header.');
  const body = await readRaw(req);
  if (!body) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'Webhook payloads are at most 1 MB.');
  let event;
  try {
    event = container.billing.webhook.verify(body, signature);
  } catch {
    return sendError(res, 400, 'BAD_SIGNATURE', 'The Stripe signature does not match this payload, or it is too old.');
  }
  const outcome = await container.billing.service.handle(toBillingEvent(event));
  sendJson(res, 200, { received: true, outcome });
}

async function readRaw(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
