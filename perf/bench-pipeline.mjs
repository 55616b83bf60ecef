// Pipeline benchmark: a generated 10-minute 1080p talk video with embedded captions goes through
// upload → import → transcript → moments (clip detection) → the 3 best moments exported at 9:16
// with captions, on the real server and worker.
// Prints each stage's wall time and the total as a ratio to the video's duration (target ≤ 0.3×).
//
//   npm run bench:pipeline     (the bootstrap provides PostgreSQL, Redis and secrets)
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createSupervisor, waitForHttp } from '../infra/bootstrap/processes.mjs';
import { SCRIPTS } from '../infra/bootstrap/services.mjs';
import { upgradeForBenchmark } from './support/bench-org.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = path.join(ROOT, 'perf', '.cache');
const DURATION_S = Number(process.env.BENCH_VIDEO_S ?? 600);
const CLIP_S = 60;

/** The talk: a 1080p moving test pattern, a tone, and a caption every 3 s (cached between runs). */
function talkVideo() {
  mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `talk-${DURATION_S}s-1080p.mp4`);
  if (existsSync(file)) return file;
  const srt = path.join(CACHE, `talk-${DURATION_S}s.srt`);
  const stamp = (s) => new Date(s * 1000).toISOString().slice(11, 23).replace('.', ',');
  const cues = [];
  for (let s = 0, i = 1; s + 3 <= DURATION_S; s += 3, i++) cues.push(`${i}\n${stamp(s + 0.2)} --> ${stamp(s + 2.8)}\nsentence ${i} says something worth clipping\n`);
  writeFileSync(srt, cues.join('\n'));
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=25:duration=${DURATION_S}`,
    '-f', 'lavfi', '-i', `sine=frequency=220:duration=${DURATION_S}`,
    '-i', srt, '-map', '0:v', '-map', '1:a', '-map', '2:s',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-c:s', 'mov_text', file,
  ]);
  return file;
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function trpc(base, cookie, procedure, input, mutation = false) {
  const url = `${base}/trpc/${procedure}`;
  const response = mutation
    ? await fetch(url, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(input) })
    : await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
  const body = await response.json();
  if (body.error) throw new Error(`${procedure}: ${body.error.message}`);
  return body.result.data;
}

async function until(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function benchPipeline({ env, log = console.log }) {
  const prepStarted = performance.now();
  const video = talkVideo();
  log(`source: ${path.relative(ROOT, video)} (${(statSync(video).size / 1e6).toFixed(1)} MB, ${DURATION_S} s 1080p), ready in ${((performance.now() - prepStarted) / 1000).toFixed(1)} s`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const shared = { ...env, REDIS_PREFIX: `bench-pipeline-${Date.now().toString(36)}`, LOG_LEVEL: 'warn', STORAGE_DIR: path.join(CACHE, 'storage') };
  const supervisor = createSupervisor();
  supervisor.startService('server', SCRIPTS.server, { ...shared, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base });
  supervisor.startService('worker', SCRIPTS.worker, shared);
  try {
    await waitForHttp(`${base}/health/ready`);
    const email = `bench-${randomUUID().slice(0, 8)}@example.com`;
    const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ name: 'Bench', email, password: 'bench password 1' }),
    });
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    await upgradeForBenchmark(env.DATABASE_URL, email); // its polling must not meet the FREE rate limit

    const t0 = performance.now();
    const uploaded = await fetch(`${base}/uploads?name=talk.mp4`, {
      method: 'POST',
      headers: { cookie, 'content-length': String(statSync(video).size) },
      body: Readable.toWeb(createReadStream(video)),
      duplex: 'half',
    });
    const { project } = await uploaded.json();
    const tUpload = performance.now();
    await until(async () => (await trpc(base, cookie, 'projects.get', { id: project.id })).status === 'ready', 30 * 60_000);
    const tImport = performance.now();
    await until(async () => ['ready', 'failed'].includes((await trpc(base, cookie, 'transcripts.get', { projectId: project.id }))?.status), 30 * 60_000);
    const tTranscript = performance.now();
    const moments = await until(async () => {
      const found = await trpc(base, cookie, 'moments.list', { projectId: project.id });
      if (found.analysis?.status === 'failed') throw new Error(`clip detection failed: ${found.analysis.failureReason}`);
      return found.analysis?.status === 'ready' && found;
    }, 30 * 60_000);
    const tMoments = performance.now();
    // The three best moments, as a user would export them (fixed 60 s ranges if fewer were found).
    const ranges = moments.moments.slice(0, 3).map((m) => ({ startMs: m.startMs, endMs: m.endMs }));
    for (let i = ranges.length; i < 3; i++) ranges.push({ startMs: (60 + i * 120) * 1000, endMs: (60 + i * 120 + CLIP_S) * 1000 });
    for (const range of ranges) {
      await trpc(base, cookie, 'exports.create', { projectId: project.id, ...range, aspect: '9:16', captionStyle: 'bold-pop' }, true);
    }
    await until(async () => {
      const clips = await trpc(base, cookie, 'exports.list', { projectId: project.id });
      if (clips.some((c) => c.status === 'failed')) throw new Error(`export failed: ${clips.find((c) => c.status === 'failed').failureReason}`);
      return clips.length === 3 && clips.every((c) => c.status === 'ready');
    }, 30 * 60_000);
    const tExports = performance.now();

    const seconds = (a, b) => (b - a) / 1000;
    const total = seconds(t0, tExports);
    const result = {
      timestamp: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      videoSeconds: DURATION_S,
      stages: {
        upload: seconds(t0, tUpload),
        import: seconds(tUpload, tImport),
        transcript: seconds(tImport, tTranscript),
        moments: seconds(tTranscript, tMoments),
        exports3: seconds(tMoments, tExports),
      },
      exportedSeconds: ranges.reduce((sum, r) => sum + (r.endMs - r.startMs) / 1000, 0),
      totalSeconds: total,
      realtimeRatio: total / DURATION_S,
      target: { maxRatio: 0.3, met: total / DURATION_S <= 0.3 },
    };
    for (const [stage, s] of Object.entries(result.stages)) console.log(`${stage.padEnd(14)} ${s.toFixed(1).padStart(7)} s`);
    console.log(`${'total'.padEnd(14)} ${total.toFixed(1).padStart(7)} s = ${result.realtimeRatio.toFixed(3)}x realtime`);
    console.log(`(exports: the 3 best moments, ${result.exportedSeconds.toFixed(0)} s of clips in all)`);
    console.log(`${result.target.met ? 'PASS' : 'MISS'}  <= 0.3x realtime`);
    const dir = path.join(ROOT, 'perf', 'results');
    await mkdir(dir, { recursive: true });
    const stamp = result.timestamp.replace(/:/g, '-');
    await writeFile(path.join(dir, `pipeline-${stamp}.json`), JSON.stringify(result, null, 2));
    await writeFile(path.join(dir, 'pipeline-latest.json'), JSON.stringify(result, null, 2));
    return result;
  } finally {
    await supervisor.stopAll(10_000);
  }
}
