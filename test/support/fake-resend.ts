import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedEmail {
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: { from: string; to: string | string[]; subject: string; html: string; text: string; headers?: Record<string, string>; tags?: { name: string; value: string }[] };
}

/**
 * A stand-in for Resend's `POST /emails` on 127.0.0.1, reached by the real `resend` SDK through its
 * base URL. `fail(to, attempt)` picks a status per recipient and attempt (1-based): a 5xx answers
 * with Resend's error shape, so the SDK reports it like the real API's.
 */
export async function startFakeResend(fail: (to: string, attempt: number) => number | null = () => null) {
  const received: ReceivedEmail[] = [];
  const attempts = new Map<string, number>();
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/emails') return res.writeHead(404).end();
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as ReceivedEmail['body'];
    const to = Array.isArray(body.to) ? body.to[0]! : body.to;
    const attempt = (attempts.get(to) ?? 0) + 1;
    attempts.set(to, attempt);
    received.push({ authorization: req.headers.authorization, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body });
    const status = fail(to, attempt);
    if (status) {
      res.writeHead(status, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ statusCode: status, name: 'internal_server_error', message: 'Resend is having a bad day' }));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: randomUUID() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    /** Requests for one recipient, in order. */
    to: (address: string) => received.filter((r) => (Array.isArray(r.body.to) ? r.body.to[0] : r.body.to) === address),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
