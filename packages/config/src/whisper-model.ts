import { statSync } from 'node:fs';

const HOW =
  'download a whisper.cpp ggml model (e.g. ggml-base.en.bin from the whisper.cpp project) onto this machine ' +
  'and set WHISPER_MODEL_PATH to the file';

/**
 * Why WHISPER_MODEL_PATH cannot be used with TRANSCRIPTION_ENGINE=whisper-cpp, or null. Only the
 * file's presence is checked here (config stays cheap); the worker loads the model at boot, which
 * is where a file that is not a whisper model is caught.
 */
export function whisperModelProblem(modelPath: string | undefined): string | null {
  if (!modelPath) return `required when TRANSCRIPTION_ENGINE=whisper-cpp: ${HOW}`;
  const stat = statSync(modelPath, { throwIfNoEntry: false });
  if (!stat) return `no such file; ${HOW}`;
  if (!stat.isFile()) return `not a file; ${HOW}`;
  return null;
}
