import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWhisperBinding, openWhisperCppEngine, toPcm16, whisperPackageName, WhisperSetupError, type WhisperBinding } from '@clipforge/media';
import { makeSpeechAudio } from '../../../test/support/media.js';

/**
 * The whisper.cpp engine with the real native binding. No whisper model can be downloaded on these
 * machines, so a real transcription is not run: what is tested is loading the binding, the
 * failures an operator can cause (no binding, a file that is not a model, a truncated model), the
 * PCM handed to whisper.cpp, and how the engine drives a context (chunks, offsets, progress).
 */
const paths = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };
const dir = mkdtempSync(path.join(os.tmpdir(), 'whisper-engine-'));
const options = (modelPath: string) => ({ modelPath, language: 'auto', chunkSec: 1200 });

async function setupError(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(WhisperSetupError);
  return (error as Error).message;
}

describe('whisper.cpp binding', () => {
  it('loads the prebuilt native binding for this machine from npm', () => {
    const binding = loadWhisperBinding();
    expect(typeof binding.WhisperContext).toBe('function');
    expect(typeof binding.WhisperContext.toggleNativeLog).toBe('function');
  });

  it('says which package is missing and what to do instead', () => {
    expect(() => loadWhisperBinding(whisperPackageName('plan9', 'mips'))).toThrow(
      /needs the whisper\.cpp binding @fugood\/node-whisper-plan9-mips, which is not installed\. .*TRANSCRIPTION_ENGINE=openai/,
    );
  });
});

describe('openWhisperCppEngine with a model that cannot load', () => {
  it('refuses a file that is not a whisper model, with whisper.cpp’s reason and what to set', async () => {
    const notAModel = path.join(dir, 'notes.txt');
    writeFileSync(notAModel, 'these are my notes, not a model');
    const message = await setupError(openWhisperCppEngine(options(notAModel), paths));
    expect(message).toContain(`could not load the model at WHISPER_MODEL_PATH (${notAModel})`);
    expect(message).toMatch(/bad magic/);
    expect(message).toMatch(/Set WHISPER_MODEL_PATH to a whisper\.cpp ggml model file/);
  });

  it('refuses a model cut short (an interrupted download): right magic, missing data', async () => {
    const truncated = path.join(dir, 'ggml-truncated.bin');
    // "ggml", the magic whisper.cpp checks first, then the hyperparameters of the tiny model
    // (vocabulary, audio and text context/state/heads/layers, mels, f16), then nothing more.
    const fields = [0x67676d6c, 51864, 1500, 384, 6, 4, 448, 384, 6, 4, 80, 1];
    const header = Buffer.alloc(fields.length * 4);
    fields.forEach((value, i) => header.writeUInt32LE(value, i * 4));
    writeFileSync(truncated, header);
    const message = await setupError(openWhisperCppEngine(options(truncated), paths));
    expect(message).toContain('could not load the model at WHISPER_MODEL_PATH');
    expect(message).not.toMatch(/bad magic/);
  });
});

describe('toPcm16', () => {
  it('hands whisper.cpp 16 kHz mono 16-bit PCM without a header', async () => {
    const speech = makeSpeechAudio('Testing the samples whisper receives.', 'pcm-check.flac');
    const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', speech]).toString());
    const pcm = await toPcm16(paths, speech, path.join(dir, 'check.pcm'));
    expect(pcm.byteLength % 2).toBe(0);
    expect(pcm.byteLength / 2 / 16000).toBeCloseTo(duration, 1);
    const samples = new Int16Array(pcm);
    expect(Math.max(...samples.map(Math.abs))).toBeGreaterThan(1000); // speech, not silence or a header
  });
});

describe('openWhisperCppEngine driving a context', () => {
  /**
   * A stand-in for the native context (the real one needs a model): it records what the engine
   * hands over and answers in the binding's shape, so chunking, offsets and progress are checked.
   */
  function standIn() {
    const calls: { bytes: number; options: Record<string, unknown> }[] = [];
    let running = 0;
    let overlapped = false;
    const binding = {
      WhisperContext: Object.assign(
        class {
          transcribeData(pcm: ArrayBuffer, opts: Record<string, unknown> & { onProgress: (p: number) => void }) {
            calls.push({ bytes: pcm.byteLength, options: opts });
            overlapped ||= running > 0;
            running++;
            const promise = new Promise((resolve) =>
              setTimeout(() => {
                opts.onProgress(50);
                running--;
                resolve({ isAborted: false, result: ' Hello there', segments: [{ text: ' Hello', t0: 100, t1: 400 }, { text: ' there', t0: 400, t1: 700 }] });
              }, 20),
            );
            return { stop: async () => {}, promise };
          }
          async release() {}
        },
        { toggleNativeLog: () => {} },
      ),
    } as unknown as WhisperBinding;
    return { binding, calls, overlapped: () => overlapped };
  }

  const speech = makeSpeechAudio(
    'This is the first part of the talk. It keeps going for a while. Now the second part begins, after a pause. And here is the final part of it.',
    'whisper-talk.flac',
  );

  it('transcribes chunk by chunk with token timestamps, shifting each chunk’s words to its start', async () => {
    const { binding, calls } = standIn();
    const engine = await openWhisperCppEngine({ modelPath: '/models/ggml-base.en.bin', language: 'en', chunkSec: 4 }, paths, binding);
    expect(engine.name).toBe('whisper.cpp (ggml-base.en.bin)');
    const progress: number[] = [];
    const words = await engine.transcribe(speech, (f) => progress.push(f));

    expect(calls.length).toBeGreaterThanOrEqual(2);
    for (const call of calls) expect(call.options).toMatchObject({ language: 'en', tokenTimestamps: true, maxLen: 1 });
    expect(words).toHaveLength(calls.length * 2);
    expect(words[0]).toEqual({ text: 'Hello', startMs: 100, endMs: 400 });
    for (let i = 1; i < words.length; i++) expect(words[i]!.startMs).toBeGreaterThan(words[i - 1]!.startMs);
    expect(words.at(-1)!.startMs).toBeGreaterThan(4000); // the last chunk starts later in the talk
    const totalBytes = calls.reduce((sum, c) => sum + c.bytes, 0);
    const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', speech]).toString());
    expect(totalBytes / 2 / 16000).toBeCloseTo(duration, 0); // every sample handed over once
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    await engine.close();
  });

  it('runs one transcription at a time on its single model context', async () => {
    const { binding, overlapped } = standIn();
    const engine = await openWhisperCppEngine({ modelPath: '/models/ggml-base.bin', language: 'auto', chunkSec: 1200 }, paths, binding);
    await Promise.all([engine.transcribe(speech, () => {}), engine.transcribe(speech, () => {})]);
    expect(overlapped()).toBe(false);
  });
});
