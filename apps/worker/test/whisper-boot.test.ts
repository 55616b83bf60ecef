import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackEnv, startProcess } from '../../../test/support/processes.js';

/**
 * TRANSCRIPTION_ENGINE=whisper-cpp with a model that cannot be used: the worker process stops at
 * boot with a readable reason (what to set), before taking any job, and shows no stack trace.
 */
async function bootFailure(extra: Record<string, string>) {
  const worker = startProcess('worker', { ...stackEnv(), REDIS_PREFIX: `${process.env.REDIS_PREFIX}-whisper`, TRANSCRIPTION_ENGINE: 'whisper-cpp', ...extra });
  const { code } = await worker.exited;
  const output = worker.output();
  expect(code, output).toBe(1);
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('worker consuming');
  return output;
}

describe('worker boot with TRANSCRIPTION_ENGINE=whisper-cpp', () => {
  it('stops when WHISPER_MODEL_PATH is not set, saying what to provide', async () => {
    const output = await bootFailure({});
    expect(output).toContain('apps/worker: invalid configuration');
    expect(output).toMatch(/WHISPER_MODEL_PATH: required when TRANSCRIPTION_ENGINE=whisper-cpp: download a whisper\.cpp ggml model/);
  });

  it('stops when the model file does not exist', async () => {
    const output = await bootFailure({ WHISPER_MODEL_PATH: '/nonexistent/ggml-base.en.bin' });
    expect(output).toMatch(/WHISPER_MODEL_PATH: no such file; download .* \(got "\/nonexistent\/ggml-base\.en\.bin"\)/);
  });

  it('stops when the file is not a whisper model, with whisper.cpp’s reason', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'whisper-boot-')), 'model.bin');
    writeFileSync(file, '<html>a download page saved by mistake</html>');
    const output = await bootFailure({ WHISPER_MODEL_PATH: file });
    expect(output).toContain('apps/worker: invalid configuration');
    expect(output).toContain(`whisper.cpp could not load the model at WHISPER_MODEL_PATH (${file}): whisper_model_load: invalid model data (bad magic)`);
  });
});
