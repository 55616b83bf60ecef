import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppUnderTest } from '../../../test/support/processes.js';
import { signUp, trpc, upload, type SignedInUser } from '../../../test/support/http.js';
import { makeSpokenVideo } from '../../../test/support/media.js';
import { collectSse } from '../../../test/support/sse.js';
import { startFakeOpenAi } from '../../../test/support/fake-openai.js';

/** With TRANSCRIPTION_ENGINE=openai, a video without captions is transcribed from its extracted audio. */
let app: AppUnderTest;
let fake: Awaited<ReturnType<typeof startFakeOpenAi>>;
let user: SignedInUser;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  app = await startApp({
    worker: true,
    workerEnv: { TRANSCRIPTION_ENGINE: 'openai', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'sk-test', TRANSCRIPTION_MODEL: 'whisper-large-v3' },
  });
  user = await signUp(app.serverUrl);
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('speech-to-text engine in the pipeline', () => {
  it('transcribes an uncaptioned talk through the OpenAI-compatible API', async () => {
    const id = (await upload(app.serverUrl, user, makeSpokenVideo('Hello everyone and welcome to the show.', 'uncaptioned.mp4'))).body.project!.id;
    await collectSse<{ status: string; transcript: { status: string } | null }>(
      `${app.serverUrl}/trpc/projects.onProgress?input=${encodeURIComponent(JSON.stringify({ id }))}`,
      user.cookie,
      (e) => e.status === 'failed' || e.transcript?.status === 'ready' || e.transcript?.status === 'failed',
    );
    const { body } = await trpc(app.serverUrl, user, 'transcripts.get', { projectId: id });
    expect(body.result!.data).toMatchObject({ status: 'ready', engine: 'openai-compatible (whisper-large-v3)' });
    expect(body.result!.data.words.map((w: { text: string }) => w.text)).toEqual(['chunk1', 'words']);
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]).toMatchObject({ authorization: 'Bearer sk-test', model: 'whisper-large-v3' });
    expect(fake.received[0]!.fileBytes.subarray(0, 4).toString()).toBe('fLaC');
  });
});
