import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SpeechEngine, Word } from '@clipforge/core';
import { splitAtSilences } from './audio-chunks.js';
import type { FfmpegPaths } from './ffmpeg-tools.js';
import { run } from './run.js';
import { loadWhisperBinding, whisperResult, WhisperSetupError, type WhisperBinding, type WhisperNativeContext } from './whisper-binding.js';
import { segmentsToWords } from './whisper-words.js';

export interface WhisperCppOptions {
  /** A whisper.cpp ggml model file the operator provides; nothing is downloaded. */
  modelPath: string;
  /** ISO 639-1 code, or auto (English-only models always transcribe English). */
  language: string;
  /** Audio is transcribed in pieces of about this length, cut in silences (bounded memory, progress). */
  chunkSec: number;
  /** whisper.cpp's own log lines (model loading, timings). */
  onLog?: (level: string, text: string) => void;
}

export type WhisperCppEngine = SpeechEngine & { close(): Promise<void> };

/**
 * Local speech to text with whisper.cpp. The model is loaded here, once per worker process, not
 * per job: whisper.cpp loads it synchronously on the main thread (seconds for large models), which
 * inside a job would stall bee-queue's lock renewal; and a file that is not a model then stops the
 * worker at boot with the reason instead of failing every transcript. Transcriptions run one at a
 * time per process (one model context; whisper.cpp already uses several cores for one).
 *
 * Not run against a real model on the machines this was written on (none can be downloaded
 * there): the tests cover the binding loading, a bad model file, the PCM handed over and the
 * mapping of the binding's segments to words.
 */
export async function openWhisperCppEngine(options: WhisperCppOptions, paths: FfmpegPaths, binding: WhisperBinding = loadWhisperBinding()): Promise<WhisperCppEngine> {
  const context = await loadModel(binding, options);
  let turn: Promise<unknown> = Promise.resolve();
  return {
    name: `whisper.cpp (${path.basename(options.modelPath)})`,
    transcribe(audioPath, onProgress) {
      const mine = turn.then(() => transcribeChunks(context, options, paths, audioPath, onProgress));
      turn = mine.catch(() => {});
      return mine;
    },
    async close() {
      await context.release();
      binding.WhisperContext.toggleNativeLog(false); // its callback keeps the event loop alive
    },
  };
}

async function loadModel(binding: WhisperBinding, options: WhisperCppOptions): Promise<WhisperNativeContext> {
  const errors: string[] = [];
  binding.WhisperContext.toggleNativeLog(true, (level, text) => {
    if (level === 'error') errors.push(text.trim());
    options.onLog?.(level, text.trim());
  });
  try {
    return new binding.WhisperContext({ filePath: options.modelPath, useGpu: false });
  } catch (error) {
    // whisper.cpp's reason ("invalid model data (bad magic)") arrives through the log callback,
    // which the binding delivers on a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 100));
    binding.WhisperContext.toggleNativeLog(false);
    const reason = errors.filter(Boolean).slice(-2).join('; ') || (error as Error).message;
    throw new WhisperSetupError(
      `whisper.cpp could not load the model at WHISPER_MODEL_PATH (${options.modelPath}): ${reason}. ` +
        `Set WHISPER_MODEL_PATH to a whisper.cpp ggml model file, e.g. ggml-base.en.bin.`,
    );
  }
}

async function transcribeChunks(context: WhisperNativeContext, options: WhisperCppOptions, paths: FfmpegPaths, audioPath: string, onProgress: (fraction: number) => void) {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'clipforge-whisper-'));
  try {
    const duration = Number(await run(paths.ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', audioPath]));
    const chunks = await splitAtSilences(paths, audioPath, duration, options.chunkSec, workDir);
    const words: Word[] = [];
    for (const [i, chunk] of chunks.entries()) {
      const pcm = await toPcm16(paths, chunk.path, path.join(workDir, `chunk-${i}.pcm`));
      const job = context.transcribeData(pcm, {
        language: options.language,
        tokenTimestamps: true,
        maxLen: 1,
        onProgress: (percent) => onProgress((i + Math.min(100, percent) / 100) / chunks.length),
      });
      const result = whisperResult.parse(await job.promise);
      if (result.isAborted) throw new Error('whisper.cpp stopped before the end of the audio');
      words.push(...segmentsToWords(result.segments, Math.round(chunk.startSec * 1000)));
      onProgress((i + 1) / chunks.length);
    }
    return words;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The samples whisper.cpp takes: 16 kHz mono signed 16-bit little-endian PCM, no header. */
export async function toPcm16(paths: FfmpegPaths, audioPath: string, outPath: string): Promise<ArrayBuffer> {
  await run(paths.ffmpeg, ['-v', 'error', '-y', '-i', audioPath, '-ac', '1', '-ar', '16000', '-f', 's16le', '-c:a', 'pcm_s16le', outPath]);
  const bytes = await readFile(outPath);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
