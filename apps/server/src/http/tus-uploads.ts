import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Server, type ServerOptions } from '@tus/server';
import { FileStore } from '@tus/file-store';
import { isDomainError } from '@clipforge/core';
import type { Container } from '../container.js';
import { authorizeUpload } from './actor.js';
import { tooLarge } from './uploads.js';

export const TUS_PATH = '/uploads/tus';

type TusRequest = Parameters<NonNullable<ServerOptions['onIncomingRequest']>>[0];
const refuse = (status_code: number, message: string) => ({ status_code, body: JSON.stringify({ error: { message } }) });

/**
 * Resumable uploads (the tus protocol): the browser sends the file in chunks and, after a dropped
 * connection or a reload, carries on from the last byte the server has. Every request needs a
 * session; the upload remembers the organization that started it, and only that organization can
 * continue it. When the last byte lands, the file becomes a project and its import is queued.
 */
export function createTusUploads(container: Container) {
  // Partial uploads live on local disk (STORAGE_DIR/.tus) whatever the object store; see README.
  const directory = path.join(container.env.STORAGE_DIR, '.tus');
  const datastore = new FileStore({ directory });
  // The uploader, or a tus refusal saying why not (no session, a bad token, a token that may not write).
  const actorOf = async (req: TusRequest) => {
    const actor = await container.resolveActor(req.headers).catch((error: unknown) => {
      if (isDomainError(error) && error.code === 'UNAUTHENTICATED') throw refuse(401, error.message);
      throw error;
    });
    const permission = authorizeUpload(actor);
    if (!permission.ok) throw refuse(permission.status, permission.message);
    return permission.actor;
  };

  return new Server({
    path: TUS_PATH,
    datastore,
    maxSize: container.env.MAX_UPLOAD_BYTES,
    relativeLocation: true,
    respectForwardedHeaders: true,
    async onIncomingRequest(req, uploadId) {
      const actor = await actorOf(req);
      if (uploadId) {
        const upload = await datastore.getUpload(uploadId).catch(() => null);
        // Another organization's upload is indistinguishable from a missing one.
        if (upload && upload.metadata?.orgId !== actor.orgId) throw refuse(404, 'Upload not found.');
      }
    },
    async onUploadCreate(req, upload) {
      const actor = await actorOf(req);
      const limit = await container.projects.uploadLimit(actor);
      if (upload.size !== undefined && upload.size > limit.bytes) throw refuse(413, tooLarge(upload.size, limit));
      // Who owns the upload is decided here, from the session, never from client metadata.
      return { metadata: { ...upload.metadata, orgId: actor.orgId, userId: actor.userId } };
    },
    async onUploadFinish(req, upload) {
      const actor = await actorOf(req);
      if (actor.orgId !== upload.metadata?.orgId) throw refuse(404, 'Upload not found.');
      const file = path.join(directory, upload.id);
      try {
        const project = await container.projects.createFromUpload(actor, {
          fileName: upload.metadata?.filename ?? 'upload',
          body: createReadStream(file),
        });
        return { headers: { 'x-project-id': project.id } };
      } catch (error) {
        if (isDomainError(error)) throw refuse(error.code === 'PAYLOAD_TOO_LARGE' ? 413 : error.code === 'UNAVAILABLE' ? 503 : 400, error.message);
        throw error;
      } finally {
        await datastore.remove(upload.id).catch(() => {});
      }
    },
  });
}
