import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

export interface ReceivedTranscription {
  authorization: string | undefined;
  model: string;
  responseFormat: string;
  granularities: string[];
  fileName: string;
  fileBytes: Buffer;
}

/**
 * A stand-in for an OpenAI-compatible speech API on 127.0.0.1: parses the SDK's real multipart
 * request and answers in the real verbose_json shape, two words per request.
 * `failFirst` answers the first request with a 500 to exercise the SDK's retries.
 */
export async function startFakeOpenAi(options: { failFirst?: boolean; status?: number } = {}) {
  const received: ReceivedTranscription[] = [];
  let requests = 0;
  const server = http.createServer(async (req, res) => {
    requests++;
    if (req.url !== '/v1/audio/transcriptions' || req.method !== 'POST') return res.writeHead(404).end();
    const form = await new Request('http://fake/', { method: 'POST', headers: req.headers as HeadersInit, body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } as RequestInit).formData();
    if (options.status) {
      res.writeHead(options.status, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }));
    }
    if (options.failFirst && requests === 1) {
      res.writeHead(500, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'temporary failure' } }));
    }
    const file = form.get('file') as File;
    received.push({
      authorization: req.headers.authorization,
      model: String(form.get('model')),
      responseFormat: String(form.get('response_format')),
      granularities: form.getAll('timestamp_granularities[]').map(String),
      fileName: file.name,
      fileBytes: Buffer.from(await file.arrayBuffer()),
    });
    const n = received.length;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        task: 'transcribe',
        language: 'english',
        duration: 2,
        text: `chunk${n} words`,
        words: [
          { word: ` chunk${n}`, start: 0.1, end: 0.4 },
          { word: ' words', start: 0.5, end: 0.9 },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    received,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
