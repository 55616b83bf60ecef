import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideoWithEmbeddedCaptions, srtForTalk } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';
import { plantedTalk } from '../../../packages/scoring/src/eval/planted-talks.js';

/** import → transcription → clip detection on real queues, then steering and trimming over HTTP. */
let app: AppUnderTest;
let owner: SignedInUser;
let stranger: SignedInUser;

const talk = plantedTalk(31, { minutes: 3, segments: 2 });

type Event = { status: string; moments: { status: string; progress: number } | null };
type Moment = { id: string; startMs: number; endMs: number; score: number; reason: string; title: string; subScores: Record<string, number>; trimmed: boolean };

beforeAll(async () => {
  app = await startApp({ worker: true });
  owner = await signUp(app.serverUrl);
  stranger = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
});

async function importTalk(name: string) {
  const file = makeVideoWithEmbeddedCaptions(name, { srt: srtForTalk(talk), seconds: Math.ceil(talk.durationMs / 1000) });
  const id = (await upload(app.serverUrl, owner, file)).body.project!.id as string;
  const events = await collectSse<Event>(
    `${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`,
    owner.cookie,
    (e) => e.status === 'failed' || e.moments?.status === 'ready' || e.moments?.status === 'failed',
    120_000,
  );
  return { id, events };
}

describe('moments', () => {
  let projectId: string;
  let moments: Moment[];

  it('are detected after the transcript, with live progress, scores and reasons', async () => {
    const { id, events } = await importTalk('planted-talk.mp4');
    projectId = id;
    expect(events.at(-1)!.moments).toMatchObject({ status: 'ready', progress: 100 });
    expect(events.some((e) => e.moments?.status === 'running' && e.moments.progress < 100)).toBe(true);

    const { status, body } = await trpc(app.serverUrl, owner, 'moments.list', { projectId });
    expect(status).toBe(200);
    const data = body.result!.data as { analysis: { status: string; timeline: { score: number }[]; message: string | null }; moments: Moment[] };
    expect(data.analysis.status).toBe('ready');
    expect(data.analysis.timeline.some((p) => p.score > 0)).toBe(true);
    moments = data.moments;
    expect(moments.length).toBeGreaterThanOrEqual(2);
    const top = moments[0]!;
    expect(top.reason.length).toBeGreaterThan(20);
    expect(Object.keys(top.subScores).sort()).toEqual(['emotion', 'energy', 'hook', 'standalone', 'value']);
    // The best moment lies mostly inside one of the planted segments.
    const inside = talk.planted.some((p) => Math.min(top.endMs, p.endMs + 1500) - Math.max(top.startMs, p.startMs - 1500) >= 0.6 * (top.endMs - top.startMs));
    expect(inside).toBe(true);
  }, 180_000);

  it('re-score with steering, and say why when steering leaves nothing', async () => {
    const steered = await trpc(app.serverUrl, owner, 'moments.rescore', { projectId, steering: { count: 2, length: '15-30', platform: 'tiktok' } }, 'mutation');
    expect(steered.status).toBe(200);
    const data = steered.body.result!.data as { analysis: { steering: object; settings: { minSec: number; maxSec: number } }; moments: Moment[] };
    expect(data.moments.length).toBeLessThanOrEqual(2);
    expect(data.analysis.steering).toEqual({ count: 2, length: '15-30', platform: 'tiktok' });
    for (const m of data.moments) expect(m.endMs - m.startMs).toBeLessThanOrEqual(30_000);
    moments = data.moments;

    const nothing = await trpc(app.serverUrl, owner, 'moments.rescore', { projectId, steering: { excludeRanges: [{ startMs: 0, endMs: talk.durationMs + 10_000 }] } }, 'mutation');
    expect(nothing.status).toBe(200);
    expect(nothing.body.result!.data.moments).toEqual([]);
    expect(nothing.body.result!.data.analysis.message).toMatch(/excluded ranges leave no stretch/);

    const bad = await trpc(app.serverUrl, owner, 'moments.rescore', { projectId, steering: { count: 0, length: { minSec: 40, maxSec: 20 } } }, 'mutation');
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toMatch(/count/);

    const again = await trpc(app.serverUrl, owner, 'moments.rescore', { projectId, steering: { count: 3 } }, 'mutation');
    moments = again.body.result!.data.moments;
  });

  it('trim to word boundaries and re-score the moment', async () => {
    const moment = moments[0]!;
    const word = talk.words.find((w) => w.startMs > moment.startMs + 2000)!;
    const insideWord = Math.round((word.startMs + word.endMs) / 2);
    const trimmed = await trpc(app.serverUrl, owner, 'moments.trim', { momentId: moment.id, startMs: insideWord, endMs: moment.endMs }, 'mutation');
    expect(trimmed.status).toBe(200);
    const result = trimmed.body.result!.data as Moment;
    expect(result.trimmed).toBe(true);
    expect(result.startMs).not.toBe(insideWord);
    const list = (await trpc(app.serverUrl, owner, 'moments.list', { projectId })).body.result!.data.moments as Moment[];
    expect(list.find((m) => m.id === moment.id)).toMatchObject({ startMs: result.startMs, trimmed: true });

    const backwards = await trpc(app.serverUrl, owner, 'moments.trim', { momentId: moment.id, startMs: 5000, endMs: 4000 }, 'mutation');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error!.message).toMatch(/must end after it starts/);
  });

  it('answer NOT_FOUND to another organization for every moment procedure', async () => {
    const attempts = [
      await trpc(app.serverUrl, stranger, 'moments.list', { projectId }),
      await trpc(app.serverUrl, stranger, 'moments.rescore', { projectId, steering: {} }, 'mutation'),
      await trpc(app.serverUrl, stranger, 'moments.trim', { momentId: moments[0]!.id, startMs: 0, endMs: 20_000 }, 'mutation'),
    ];
    for (const attempt of attempts) expect(attempt.status).toBe(404);
  });

  it('leave the server measurable: /metrics reports event-loop delay for this process', async () => {
    const response = await fetch(`${app.serverUrl}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
  });
});
