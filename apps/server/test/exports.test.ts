import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo, makeVideoWithEmbeddedCaptions } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';

/** Export: API → video-export job → ffmpeg render (crop/blur, ASS captions, loudnorm, faststart) → signed downloads. */
let app: AppUnderTest;
let owner: SignedInUser;
let stranger: SignedInUser;
let projectId: string;
const downloads = mkdtempSync(path.join(os.tmpdir(), 'exports-'));

type Event = { status: string; transcript: { status: string } | null; export: { exportId: string; status: string; progress: number } | null };
const watch = (id: string, until: (e: Event) => boolean) =>
  collectSse<Event>(`${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`, owner.cookie, until, 60_000);

async function download(url: string, name: string) {
  const response = await fetch(`${app.serverUrl}${url}`);
  expect(response.status).toBe(200);
  const file = path.join(downloads, name);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

const probe = (file: string) =>
  JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height:format=duration', '-of', 'json', file]).toString());

beforeAll(async () => {
  app = await startApp({ worker: true });
  owner = await signUp(app.serverUrl);
  stranger = await signUp(app.serverUrl);
  projectId = (await upload(app.serverUrl, owner, makeVideoWithEmbeddedCaptions('to-export.mp4'))).body.project!.id;
  await watch(projectId, (e) => e.status === 'ready' && e.transcript?.status === 'ready');
});

afterAll(async () => {
  await app?.stop();
});

describe('exports', () => {
  it('renders a 9:16 clip with captions, live progress, SRT and VTT, downloadable through signed URLs', async () => {
    const created = await trpc(app.serverUrl, owner, 'exports.create', { projectId, startMs: 0, endMs: 3000, aspect: '9:16', captionStyle: 'bold-pop' }, 'mutation');
    expect(created.status).toBe(200);
    const exportId = created.body.result!.data.id;
    const events = await watch(projectId, (e) => e.export?.exportId === exportId && (e.export.status === 'ready' || e.export.status === 'failed'));
    const progress = events.filter((e) => e.export?.exportId === exportId).map((e) => e.export!);
    expect(progress.at(-1)).toMatchObject({ status: 'ready', progress: 100 });
    expect(progress.some((p) => p.status === 'rendering')).toBe(true);

    const [clip] = (await trpc(app.serverUrl, owner, 'exports.list', { projectId })).body.result!.data;
    expect(clip).toMatchObject({ id: exportId, status: 'ready', aspect: '9:16', captionStyle: 'bold-pop' });
    const video = await download(clip.videoUrl, 'clip.mp4');
    const info = probe(video);
    expect(info.streams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ codec_type: 'video', codec_name: 'h264', width: 720, height: 1280 }), // the Free plan exports at 720p
        expect.objectContaining({ codec_type: 'audio', codec_name: 'aac' }),
      ]),
    );
    expect(Number(info.format.duration)).toBeCloseTo(3, 0);
    const bytes = Buffer.from(execFileSync('head', ['-c', '200000', video]));
    expect(bytes.indexOf('moov')).toBeGreaterThan(-1); // faststart: the index is up front
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
    const srt = await (await fetch(`${app.serverUrl}${clip.srtUrl}`)).text();
    expect(srt).toMatch(/^1\n00:00:00,200 --> /);
    expect(srt).toContain('Welcome to the launch');
    const vtt = await (await fetch(`${app.serverUrl}${clip.vttUrl}`)).text();
    expect(vtt.startsWith('WEBVTT')).toBe(true);
  });

  it('normalises loudness to about −14 LUFS', async () => {
    const created = await trpc(app.serverUrl, owner, 'exports.create', { projectId, startMs: 0, endMs: 3000, aspect: '1:1', fit: 'blur', captionStyle: 'none' }, 'mutation');
    const exportId = created.body.result!.data.id;
    await watch(projectId, (e) => e.export?.exportId === exportId && e.export.status === 'ready');
    const clip = (await trpc(app.serverUrl, owner, 'exports.list', { projectId })).body.result!.data.find((c: { id: string }) => c.id === exportId);
    const video = await download(clip.videoUrl, 'square.mp4');
    expect(probe(video).streams[0]).toMatchObject({ width: 720, height: 720 });
    const report = spawnStderr('ffmpeg', ['-nostats', '-i', video, '-af', 'ebur128', '-f', 'null', '-']);
    const integrated = Number(/I:\s+(-?[\d.]+) LUFS\s*\n\s*Threshold/.exec(report.split('Summary:').at(-1)!)![1]);
    expect(integrated).toBeGreaterThan(-16);
    expect(integrated).toBeLessThan(-12);
  });

  it('refuses bad spans, captions without a transcript, and strangers', async () => {
    const tooLong = await trpc(app.serverUrl, owner, 'exports.create', { projectId, startMs: 0, endMs: 60_000 }, 'mutation');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error!.message).toMatch(/ends at 60\.0 s but the video is 3\.0 s long/);
    const backwards = await trpc(app.serverUrl, owner, 'exports.create', { projectId, startMs: 2000, endMs: 1000 }, 'mutation');
    expect(backwards.body.error!.message).toMatch(/must end after it starts/);

    const noWords = (await upload(app.serverUrl, owner, makeVideo({ seconds: 2, name: 'no-words.mp4' }))).body.project!.id;
    await watch(noWords, (e) => e.status === 'ready' && e.transcript?.status === 'failed');
    const captionless = await trpc(app.serverUrl, owner, 'exports.create', { projectId: noWords, startMs: 0, endMs: 1000 }, 'mutation');
    expect(captionless.status).toBe(409);
    expect(captionless.body.error!.message).toMatch(/export without captions/);

    expect((await trpc(app.serverUrl, stranger, 'exports.create', { projectId, startMs: 0, endMs: 1000 }, 'mutation')).body.error!.data.code).toBe('NOT_FOUND');
    expect((await trpc(app.serverUrl, stranger, 'exports.list', { projectId })).body.error!.data.code).toBe('NOT_FOUND');
  });
});

function spawnStderr(command: string, args: string[]): string {
  return spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] }).stderr.toString();
}
