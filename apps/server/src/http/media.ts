import type { IncomingMessage, ServerResponse } from 'node:http';
import send from 'send';
import { verifyMediaSignature } from '@clipforge/media';
import type { Container } from '../container.js';
import { sendError } from './respond.js';

/** GET /media/<key>?exp&sig — stored files behind signed, expiring URLs, with HTTP Range for seeking. */
export function handleMedia(container: Container, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET.', { allow: 'GET, HEAD' });
  const key = decodeURIComponent(url.pathname.slice('/media/'.length));
  const check = verifyMediaSignature(key, url.searchParams.get('exp'), url.searchParams.get('sig'), container.env.MEDIA_SIGNING_SECRET);
  if (!check.ok) {
    const message = check.reason === 'expired' ? 'This link has expired; reload the page for a fresh one.' : 'This link is not valid.';
    return sendError(res, 403, 'FORBIDDEN', message);
  }
  const local = container.localStorage;
  if (!local) return sendError(res, 404, 'NOT_FOUND', 'Files are served from object storage; reload the page for fresh links.');
  try {
    local.resolve(key); // rejects keys that would escape the storage root
  } catch {
    return sendError(res, 404, 'NOT_FOUND', 'No such file.');
  }
  // send resolves the key under the root (the dotfile rule applies to the key only) and answers Range.
  send(req, key, { root: local.root, dotfiles: 'deny', maxAge: '1h' })
    .on('error', (error: { status?: number }) => {
      const status = error.status ?? 500;
      sendError(res, status, status === 404 ? 'NOT_FOUND' : 'ERROR', status === 404 ? 'No such file.' : 'Could not read the file.');
    })
    .pipe(res);
}
