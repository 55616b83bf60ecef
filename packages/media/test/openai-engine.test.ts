import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '@clipforge/core';
import { openAiSpeechEngine } from '@clipforge/media';
import { makeSpeechAudio } from '../../../test/support/media.js';
import { startFakeOpenAi } from '../../../test/support/fake-openai.js';

/** The OpenAI-compatible engine through the real `openai` SDK against a local server speaking the API. */
const paths = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };
let fake: Awaited<ReturnType<typeof startFakeOpenAi>> | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

const speech = makeSpeechAudio(
  'This is the first part of the talk. It keeps going for a while. ' +
    'Now the second part begins, after a pause. And here is the final part of it.',
  'talk.flac',
);
const durationSec = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', speech]).toString());

describe('openAiSpeechEngine', () => {
  it('sends FLAC chunks cut in silences with word timestamps asked for, retries a failure, and merges the words in time', async () => {
    fake = await startFakeOpenAi({ failFirst: true });
    const engine = openAiSpeechEngine({ baseURL: fake.baseURL, apiKey: 'test-key', model: 'whisper-1', chunkSec: 4, maxRetries: 2 }, paths);
    const progress: number[] = [];
    const words = await engine.transcribe(speech, (f) => progress.push(f));

    const chunks = fake.received.length;
    expect(chunks).toBeGreaterThanOrEqual(Math.floor(durationSec / 4));
    expect(fake.requests()).toBe(chunks + 1); // the first answer was a 500, retried by the SDK
    for (const request of fake.received) {
      expect(request).toMatchObject({ authorization: 'Bearer test-key', model: 'whisper-1', responseFormat: 'verbose_json', granularities: ['word'] });
      expect(request.fileBytes.subarray(0, 4).toString()).toBe('fLaC');
    }
    expect(words).toHaveLength(chunks * 2);
    expect(words[0]).toEqual({ text: 'chunk1', startMs: 100, endMs: 400 });
    for (let i = 1; i < words.length; i++) expect(words[i]!.startMs).toBeGreaterThan(words[i - 1]!.startMs);
    expect(words.at(-1)!.startMs).toBeGreaterThan((durationSec - 5) * 1000); // the last chunk's words sit late in the talk
    expect(progress.at(-1)).toBe(1);
  });

  it('turns a refusal (bad key) into a reason that says what to check, without retrying', async () => {
    fake = await startFakeOpenAi({ status: 401 });
    const engine = openAiSpeechEngine({ baseURL: fake.baseURL, apiKey: 'wrong', model: 'whisper-1', chunkSec: 600 }, paths);
    const error = await engine.transcribe(speech, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/refused the audio \(HTTP 401.*Check OPENAI_API_KEY/);
    expect(fake.requests()).toBe(1);
  });
});
