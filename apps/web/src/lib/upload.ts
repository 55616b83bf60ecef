import { Upload, type DetailedError } from 'tus-js-client';

/**
 * Uploads a video with the tus protocol: in chunks, retried when the connection drops, and resumed
 * from the last byte the server has after a reload (the fingerprint lives in localStorage).
 * Resolves with the id of the project the upload became.
 */
export function uploadVideo(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(file, {
      endpoint: '/uploads/tus',
      chunkSize: 16 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      metadata: { filename: file.name, filetype: file.type },
      // The creation POST has no body and so no content type, and SvelteKit refuses such POSTs when
      // it cannot match their Origin (adapter-node assumes https without a proxy header). tus
      // accepts this type on creation (an upload with its first 0 bytes).
      onBeforeRequest: (req) => {
        if (req.getMethod() === 'POST') req.setHeader('Content-Type', 'application/offset+octet-stream');
      },
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => onProgress(total ? sent / total : 0),
      onSuccess: ({ lastResponse }) => {
        const projectId = lastResponse.getHeader('x-project-id');
        if (projectId) resolve(projectId);
        else reject(new Error('The upload finished but no project was created. Try again.'));
      },
      onError: (error) => reject(new Error(messageOf(error))),
    });
    upload
      .findPreviousUploads()
      .then((previous) => {
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      })
      .catch(reject);
  });
}

function messageOf(error: Error | DetailedError): string {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (response) {
    try {
      const body = JSON.parse(response.getBody()) as { error?: { message?: string } };
      if (body.error?.message) return body.error.message;
    } catch {
      // not JSON: tus's own plain-text errors
    }
    const status = response.getStatus();
    if (status === 413) return 'The file is larger than the upload limit.';
    if (status === 401) return 'Your session has ended. Sign in again to upload.';
    return `The upload failed (HTTP ${status}). Try again.`;
  }
  return 'The upload was interrupted. Check your connection and try again; it will resume where it stopped.';
}
