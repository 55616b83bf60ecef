import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Container } from '../container.js';
import { sendJson } from './respond.js';

export const UNSUBSCRIBE_PATH = '/email/unsubscribe';
const MAX_BODY_BYTES = 4096;

/**
 * RFC 8058 one-click unsubscribe, the URL of every lifecycle mail's List-Unsubscribe header: a POST
 * with `List-Unsubscribe=One-Click` and the signed token in the query, no login, no cookies. A GET
 * (a person opening the URL) goes to the web page that asks before unsubscribing, since link
 * scanners open URLs on their own. Errors are DomainErrors (a forged token is FORBIDDEN).
 */
export async function handleUnsubscribe(container: Container, req: IncomingMessage, res: ServerResponse, url: URL) {
  const token = url.searchParams.get('token') ?? '';
  if (req.method === 'GET' || req.method === 'HEAD') {
    res.writeHead(303, { location: `/unsubscribe?token=${encodeURIComponent(token)}`, 'cache-control': 'no-store' });
    return void res.end();
  }
  if (req.method !== 'POST') {
    return sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'Unsubscribe with a POST (RFC 8058 one-click).' } }, { allow: 'GET, POST' });
  }
  // The body (List-Unsubscribe=One-Click) carries nothing we need; read it so the connection is reusable.
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return sendJson(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'An unsubscribe request has no body to speak of.' } });
  }
  const { scope } = await container.emailSettings.unsubscribeWithToken(token);
  sendJson(res, 200, { unsubscribed: scope });
}
