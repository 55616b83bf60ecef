import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeVideo, makeVideoWithEmbeddedCaptions, SAMPLE_SRT } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';

/** import → transcription on real queues: embedded captions, uploaded captions, no engine, corrections. */
let app: AppUnderTest;
let owner: SignedInUser;
let stranger: SignedInUser;

beforeAll(async () => {
  app = await startApp({ worker: true });
  owner = await signUp(app.serverUrl);
  stranger = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
});

type Event = { status: string; transcript: { status: string; failureReason: string | null } | null };
const settled = (e: Event) => e.status === 'failed' || (e.status === 'ready' && (e.transcript?.status === 'ready' || e.transcript?.status === 'failed'));
const watch = (id: string) =>
  collectSse<Event>(`${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`, owner.cookie, settled);
const transcript = async (projectId: string, user = owner) => trpc(app.serverUrl, user, 'transcripts.get', { projectId });

describe('transcripts', () => {
  it('transcribes from captions embedded in the video, streamed live after the import', async () => {
    const id = (await upload(app.serverUrl, owner, makeVideoWithEmbeddedCaptions())).body.project!.id;
    const events = await watch(id);
    expect(events.at(-1)).toMatchObject({ status: 'ready', transcript: { status: 'ready' } });
    expect(events.some((e) => e.status === 'ready' && e.transcript?.status !== 'ready')).toBe(true); // the stream outlived the import
    const { body } = await transcript(id);
    expect(body.result!.data).toMatchObject({ status: 'ready', engine: 'captions (embedded)' });
    const words = body.result!.data.words as { text: string; startMs: number; endMs: number }[];
    expect(words.map((w) => w.text).join(' ')).toBe('Welcome to the launch talk three things matter today');
    expect(words[0]!.startMs).toBe(200);
    expect(words.at(-1)!.endMs).toBe(2800);
  });

  it('says what to configure when there are no captions and no speech engine, then uses an uploaded caption file', async () => {
    const id = (await upload(app.serverUrl, owner, makeVideo({ seconds: 3, name: 'silent-on-captions.mp4' }))).body.project!.id;
    const first = await watch(id);
    expect(first.at(-1)!.transcript).toMatchObject({ status: 'failed' });
    expect(first.at(-1)!.transcript!.failureReason).toMatch(/Upload an SRT or VTT caption file.*TRANSCRIPTION_ENGINE/);

    const attached = await trpc(app.serverUrl, owner, 'transcripts.attachCaptions', { projectId: id, content: SAMPLE_SRT }, 'mutation');
    expect(attached.status).toBe(200);
    const second = await watch(id);
    expect(second.at(-1)!.transcript).toMatchObject({ status: 'ready' });
    const { body } = await transcript(id);
    expect(body.result!.data).toMatchObject({ engine: 'captions (uploaded)' });
    expect(body.result!.data.words).toHaveLength(9);
  });

  it('keeps word timings when a word is corrected, and refuses bad edits and bad caption files', async () => {
    const id = (await upload(app.serverUrl, owner, makeVideoWithEmbeddedCaptions('to-correct.mp4'))).body.project!.id;
    await watch(id);
    const before = (await transcript(id)).body.result!.data.words;
    const edited = await trpc(app.serverUrl, owner, 'transcripts.edit', { projectId: id, edits: [{ index: 4, text: 'keynote' }] }, 'mutation');
    expect(edited.status).toBe(200);
    const after = edited.body.result!.data;
    expect(after.words[4]).toEqual({ ...before[4], text: 'keynote' });
    expect(after.editedAt).not.toBeNull();
    expect((await transcript(id)).body.result!.data.words[4].text).toBe('keynote');

    const outOfRange = await trpc(app.serverUrl, owner, 'transcripts.edit', { projectId: id, edits: [{ index: 999, text: 'x' }] }, 'mutation');
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error!.message).toMatch(/Word 999 does not exist; the transcript has 9 words/);
    const notCaptions = await trpc(app.serverUrl, owner, 'transcripts.attachCaptions', { projectId: id, content: 'meeting notes' }, 'mutation');
    expect(notCaptions.status).toBe(400);
    expect(notCaptions.body.error!.message).toMatch(/not an SRT or WebVTT caption file/);
  });

  it('answers NOT_FOUND to another organization for every transcript procedure', async () => {
    const id = (await upload(app.serverUrl, owner, makeVideoWithEmbeddedCaptions('private-words.mp4'))).body.project!.id;
    await watch(id);
    const attempts = [
      await transcript(id, stranger),
      await trpc(app.serverUrl, stranger, 'transcripts.edit', { projectId: id, edits: [{ index: 0, text: 'x' }] }, 'mutation'),
      await trpc(app.serverUrl, stranger, 'transcripts.attachCaptions', { projectId: id, content: SAMPLE_SRT }, 'mutation'),
    ];
    for (const attempt of attempts) expect(attempt.body.error!.data.code).toBe('NOT_FOUND');
  });
});
