import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

/** The error shape every non-tRPC route uses: what went wrong and what to do. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers?: Record<string, string>) {
  sendJson(res, status, { error: { code, message } }, headers);
}
