import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { formatBytes } from '@clipforge/media';
import { isDomainError, type RequestActor, type UploadLimit } from '@clipforge/core';
import type { Container } from '../container.js';
import { sendError, sendJson } from './respond.js';
import { authorizeUpload } from './actor.js';

/** After a refusal, up to this much of the unread body is read and discarded so the client gets the answer. */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * POST /uploads?name=<file name> with the raw file as the body: stores it, creates the project and
 * queues its import. Streams to storage; the size limit is enforced on the declared length up
 * front and on the bytes actually received.
 */
export async function handleUpload(container: Container, actor: RequestActor | null, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method !== 'POST') return refuse(req, res, 405, 'METHOD_NOT_ALLOWED', 'Use POST to upload a file.', { allow: 'POST' });
  const permission = authorizeUpload(actor);
  if (!permission.ok) return refuse(req, res, permission.status, permission.code, permission.message);
  const limit = await container.projects.uploadLimit(permission.actor);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit.bytes) return refuse(req, res, 413, 'PAYLOAD_TOO_LARGE', tooLarge(declared, limit));
  if (declared === 0) return refuse(req, res, 400, 'BAD_REQUEST', 'The upload is empty. Choose a video file.');
  const fileName = url.searchParams.get('name')?.slice(0, 255) || 'upload';
  // A pass-through, so a refused body can be unhooked and drained instead of the socket destroyed.
  const body = new PassThrough();
  req.pipe(body);
  try {
    const project = await container.projects.createFromUpload(permission.actor, { fileName, body });
    sendJson(res, 201, { project: { id: project.id, name: project.name, status: project.status } });
  } catch (error) {
    req.unpipe(body);
    if (isDomainError(error) && error.code === 'PAYLOAD_TOO_LARGE') return refuse(req, res, 413, error.code, error.message);
    throw error;
  }
}

/**
 * Answers, then reads and discards the rest of the body: a client still sending would otherwise
 * see a reset connection instead of the answer. Past the drain limit the connection is cut.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, headers?: Record<string, string>) {
  sendError(res, status, code, message, headers);
  if (req.readableEnded) return;
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.resume();
}

/** Why a file of `size` bytes is refused, naming the plan when it is the plan's limit. */
export function tooLarge(size: number, limit: UploadLimit): string {
  return limit.plan
    ? `The file is ${formatBytes(size)}; the ${limit.plan.name} plan takes uploads up to ${formatBytes(limit.bytes)}. Upgrade for bigger files.`
    : `The file is ${formatBytes(size)}; the upload limit is ${formatBytes(limit.bytes)}.`;
}
