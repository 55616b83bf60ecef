import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyProviderFeedback } from '@clipforge/core';
import type { Container } from '../container.js';
import { sendError, sendJson } from './respond.js';

const MAX_BODY_BYTES = 256 * 1024;

/**
 * POST /webhooks/resend: delivery events from Resend, verified on the raw body. A bounce is recorded
 * on its send; a complaint turns the user's lifecycle mails off. Redelivery changes nothing more.
 */
export async function handleResendWebhook(container: Container, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Resend webhooks are POSTed.');
  if (!container.resendWebhook) return sendError(res, 503, 'WEBHOOK_OFF', 'The Resend webhook is off on this server: set RESEND_WEBHOOK_SECRET.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'Webhook payloads are at most 256 KB.');
    chunks.push(chunk);
  }
  const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : '');
  let feedback;
  try {
    feedback = container.resendWebhook.verify(Buffer.concat(chunks).toString('utf8'), {
      id: header('webhook-id') || header('svix-id'),
      timestamp: header('webhook-timestamp') || header('svix-timestamp'),
      signature: header('webhook-signature') || header('svix-signature'),
    });
  } catch {
    return sendError(res, 400, 'BAD_SIGNATURE', 'The webhook signature does not match this payload, or it is too old.');
  }
  const outcome = await applyProviderFeedback(container.db.emails, feedback);
  sendJson(res, 200, { received: true, outcome });
}
