import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';

/** POSTs a file to /uploads as a stream, reporting bytes sent; answers the new project's id. */
export async function uploadFile(baseUrl: string, headers: Record<string, string>, file: string, onProgress: (percent: number) => void) {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new Error(`No such file: ${file}`);
  if (info.size === 0) throw new Error(`${file} is empty. Choose a video file.`);
  let sent = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      onProgress((sent / info.size) * 100);
      done(null, chunk);
    },
  });
  const body = Readable.toWeb(createReadStream(file).pipe(counting)) as ReadableStream;
  const response = await fetch(new URL(`/uploads?name=${encodeURIComponent(path.basename(file))}`, baseUrl), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(info.size) },
    body,
    duplex: 'half',
  } as RequestInit);
  const answer = (await response.json().catch(() => null)) as { project?: { id: string }; error?: { message: string } } | null;
  if (!response.ok || !answer?.project) throw new Error(answer?.error?.message ?? `Upload failed (HTTP ${response.status}).`);
  return answer.project.id;
}
