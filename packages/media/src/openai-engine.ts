import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import OpenAI, { toFile } from 'openai';
import { DomainError, type SpeechEngine, type Word } from '@clipforge/core';
import { splitAtSilences } from './audio-chunks.js';
import type { FfmpegPaths } from './ffmpeg-tools.js';
import { run } from './run.js';

export interface OpenAiEngineOptions {
  /** OpenAI, Groq (https://api.groq.com/openai/v1) or a self-hosted whisper server. */
  baseURL: string;
  apiKey: string;
  model: string;
  /** Audio is sent in pieces of about this length, cut in silences. */
  chunkSec: number;
  maxRetries?: number;
}

/**
 * Speech to text through any OpenAI-compatible `/audio/transcriptions` endpoint with word
 * timestamps (verbose_json). Long audio goes in chunks cut at silences, each retried by the SDK on
 * failure; word times are shifted by each chunk's start and merged in order.
 */
export function openAiSpeechEngine(options: OpenAiEngineOptions, paths: FfmpegPaths): SpeechEngine {
  const client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey, maxRetries: options.maxRetries ?? 3, timeout: 10 * 60_000 });
  return {
    name: `openai-compatible (${options.model})`,
    async transcribe(audioPath, onProgress) {
      const workDir = await mkdtemp(path.join(os.tmpdir(), 'clipforge-stt-'));
      try {
        const duration = Number(await run(paths.ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', audioPath]));
        const chunks = await splitAtSilences(paths, audioPath, duration, options.chunkSec, workDir);
        const words: Word[] = [];
        for (const [i, chunk] of chunks.entries()) {
          const result = await client.audio.transcriptions
            // An in-memory file (a chunk is a few MB), so the SDK can resend it when it retries.
            .create({
              file: await toFile(await readFile(chunk.path), path.basename(chunk.path), { type: 'audio/flac' }),
              model: options.model,
              response_format: 'verbose_json',
              timestamp_granularities: ['word'],
            })
            .catch((error: unknown) => {
              throw refusal(error) ?? error; // refusals fail the transcript; outages propagate and are retried
            });
          const offsetMs = Math.round(chunk.startSec * 1000);
          for (const w of result.words ?? []) {
            const text = w.word.trim();
            if (text) words.push({ text, startMs: offsetMs + Math.round(w.start * 1000), endMs: offsetMs + Math.round(w.end * 1000) });
          }
          onProgress((i + 1) / chunks.length);
        }
        return words;
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    },
  };
}

/** A request the service refuses (bad key, unknown model, too large) will not succeed on retry. */
function refusal(error: unknown): DomainError | null {
  if (!(error instanceof OpenAI.APIError) || error.status === undefined) return null;
  if (![400, 401, 403, 404, 413, 422].includes(error.status)) return null;
  const hint = error.status === 401 || error.status === 403 ? ' Check OPENAI_API_KEY.' : error.status === 404 ? ' Check OPENAI_BASE_URL and TRANSCRIPTION_MODEL.' : '';
  return new DomainError('UNAVAILABLE', `The transcription service refused the audio (HTTP ${error.status}: ${error.message}).${hint}`);
}
