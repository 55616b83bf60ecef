import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatBytes } from '@clipforge/media';
import type { Container } from '../container.js';
import type { Actor } from '@clipforge/core';
import { sendError, sendJson } from './respond.js';

/**
 * POST /uploads?name=<file name> with the raw file as the body: stores it, creates the project and
 * queues its import. Streams to storage; the size limit is enforced on the declared length up
 * front and on the bytes actually received.
 */
export async function handleUpload(container: Container, actor: Actor | null, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use POST to upload a file.', { allow: 'POST' });
  if (!actor) return sendError(res, 401, 'UNAUTHORIZED', 'Sign in to upload videos.');
  const max = container.env.MAX_UPLOAD_BYTES;
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > max) {
    res.setHeader('connection', 'close');
    return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The file is ${formatBytes(declared)}; the upload limit is ${formatBytes(max)}.`);
  }
  if (declared === 0) return sendError(res, 400, 'BAD_REQUEST', 'The upload is empty. Choose a video file.');
  const fileName = url.searchParams.get('name')?.slice(0, 255) || 'upload';
  const project = await container.projects.createFromUpload(actor, { fileName, body: req });
  sendJson(res, 201, { project: { id: project.id, name: project.name, status: project.status } });
}
