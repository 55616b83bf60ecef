import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FaceSample, FaceTracker } from '@clipforge/core';
import { CommandError } from './run.js';

// Faces are found on small frames: a face worth framing is large enough at 320 px wide, and the
// detector costs ~50 ms a frame there on the WASM backend.
const ANALYSIS_WIDTH = 320;
const SAMPLES_PER_SECOND = 2;
const MIN_SCORE = 0.5;

interface FaceApi {
  nets: { tinyFaceDetector: { loadFromDisk(dir: string): Promise<void> } };
  TinyFaceDetectorOptions: new (options: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: unknown, options: unknown): Promise<{ box: { x: number; y: number; width: number; height: number }; score: number }[]>;
}
interface Tf {
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  env(): { platform: { fetch: (url: string) => Promise<Response> } };
}

let loaded: Promise<{ tf: Tf; faceapi: FaceApi }> | null = null;

/**
 * @vladmandic/face-api's tiny face detector (its model ships inside the npm package) on
 * TensorFlow.js's WASM backend (the .wasm ships inside @tensorflow/tfjs-backend-wasm; tfjs-node's
 * binary download is not needed). Loaded on first use, so processes that never reframe pay nothing.
 */
function loadDetector() {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const tf = require('@tensorflow/tfjs') as Tf;
    const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string, usePlatformFetch: boolean): void };
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    // The backend fetches its .wasm by URL; here they are files next to the package.
    tf.env().platform.fetch = async (url: string) => new Response(await readFile(url), { headers: { 'content-type': 'application/wasm' } });
    wasm.setWasmPaths(`${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`, true);
    if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js WASM backend could not start');
    await tf.ready();
    await faceapi.nets.tinyFaceDetector.loadFromDisk(path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model'));
    return { tf, faceapi };
  })();
  loaded.catch(() => (loaded = null));
  return loaded;
}

/** Samples the clip twice a second with ffmpeg and finds the faces on each frame. */
export function faceApiTracker(ffmpeg: string): FaceTracker {
  return {
    async track(videoPath, { startMs, endMs, sourceWidth, sourceHeight }, onProgress) {
      const { tf, faceapi } = await loadDetector();
      const width = ANALYSIS_WIDTH;
      const height = Math.max(2, Math.round((sourceHeight / sourceWidth) * width / 2) * 2);
      const frameBytes = width * height * 3;
      const expected = Math.max(1, Math.ceil(((endMs - startMs) / 1000) * SAMPLES_PER_SECOND));
      const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: MIN_SCORE });
      const samples: FaceSample[] = [];
      for await (const frame of rawFrames(ffmpeg, videoPath, startMs, endMs, width, height, frameBytes)) {
        const tensor = tf.tensor3d(frame, [height, width, 3], 'int32');
        try {
          const found = await faceapi.detectAllFaces(tensor, options);
          samples.push({
            tMs: Math.round((samples.length * 1000) / SAMPLES_PER_SECOND),
            faces: found.map((f) => ({ x: f.box.x / width, y: f.box.y / height, width: f.box.width / width, height: f.box.height / height, score: f.score })),
          });
        } finally {
          tensor.dispose();
        }
        onProgress(Math.min(1, samples.length / expected));
      }
      return samples;
    },
  };
}

/** Decoded RGB frames of the clip at SAMPLES_PER_SECOND, one Uint8Array per frame. */
async function* rawFrames(ffmpeg: string, videoPath: string, startMs: number, endMs: number, width: number, height: number, frameBytes: number) {
  const child = spawn(ffmpeg, [
    '-v', 'error', '-ss', (startMs / 1000).toFixed(3), '-t', ((endMs - startMs) / 1000).toFixed(3), '-i', videoPath,
    '-an', '-vf', `fps=${SAMPLES_PER_SECOND},scale=${width}:${height}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const closed = new Promise<void>((resolve, reject) =>
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new CommandError(ffmpeg, code, signal, stderr.trim())))),
  );
  let pending: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= frameBytes) {
        yield new Uint8Array(pending.subarray(0, frameBytes));
        pending = pending.subarray(frameBytes);
      }
    }
    await closed;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
