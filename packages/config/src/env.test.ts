import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.js';
import { serverEnv, workerEnv } from './schemas.js';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  BETTER_AUTH_SECRET: 'a'.repeat(32),
  MEDIA_SIGNING_SECRET: 'b'.repeat(32),
};

describe('parseEnv', () => {
  it('applies defaults for everything optional', () => {
    const env = parseEnv(serverEnv, valid, 'apps/server');
    expect(env.PORT).toBe(3001);
    expect(env.REDIS_PREFIX).toBe('cf');
    expect(env.SERVER_PROCESSES).toBeGreaterThan(0);
    expect(env.MAX_UPLOAD_BYTES).toBe(2 * 1024 ** 3);
  });

  it('lists every problem at once, naming each variable and what it got', () => {
    let error: unknown;
    try {
      parseEnv(serverEnv, { DATABASE_URL: 'mysql://x', PORT: 'eighty', BETTER_AUTH_SECRET: 'short' }, 'apps/server');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const { problems, message } = error as EnvError;
    expect(problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('got "mysql://x"');
    expect(problems.find((p) => p.startsWith('PORT'))).toContain('got "eighty"');
    expect(problems.find((p) => p.startsWith('REDIS_URL'))).toContain('not set');
    expect(problems.find((p) => p.startsWith('BETTER_AUTH_SECRET'))).toContain('at least 32');
    expect(problems.find((p) => p.startsWith('MEDIA_SIGNING_SECRET'))).toContain('not set');
    expect(message).toContain('apps/server: invalid configuration');
    expect(message).toContain('.env.example');
  });

  it('coerces numbers the worker reads from env', () => {
    expect(parseEnv(workerEnv, { ...valid, VIDEO_IMPORT_CONCURRENCY: '5' }, 'apps/worker').VIDEO_IMPORT_CONCURRENCY).toBe(5);
    expect(() => parseEnv(workerEnv, { ...valid, VIDEO_IMPORT_CONCURRENCY: '0' }, 'apps/worker')).toThrow(EnvError);
  });
});

describe('TRANSCRIPTION_ENGINE=whisper-cpp', () => {
  const problemsFor = (extra: Record<string, string>) => {
    try {
      parseEnv(workerEnv, { ...valid, TRANSCRIPTION_ENGINE: 'whisper-cpp', ...extra }, 'apps/worker');
    } catch (error) {
      return (error as EnvError).problems;
    }
    return [];
  };

  it('needs WHISPER_MODEL_PATH and says what to put there', () => {
    const [problem] = problemsFor({});
    expect(problem).toMatch(/^WHISPER_MODEL_PATH: required when TRANSCRIPTION_ENGINE=whisper-cpp: download a whisper\.cpp ggml model .* \(not set\)$/);
  });

  it('refuses a path that does not exist or is a directory', () => {
    expect(problemsFor({ WHISPER_MODEL_PATH: '/nonexistent/ggml-base.en.bin' })[0]).toMatch(
      /^WHISPER_MODEL_PATH: no such file; download .* \(got "\/nonexistent\/ggml-base\.en\.bin"\)$/,
    );
    expect(problemsFor({ WHISPER_MODEL_PATH: os.tmpdir() })[0]).toMatch(/^WHISPER_MODEL_PATH: not a file;/);
  });

  it('accepts an existing file, and ignores the path for other engines', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'model-')), 'ggml-tiny.bin');
    writeFileSync(file, 'stand-in: only presence is checked here');
    expect(problemsFor({ WHISPER_MODEL_PATH: file })).toEqual([]);
    expect(parseEnv(workerEnv, { ...valid, WHISPER_MODEL_PATH: '/nonexistent' }, 'apps/worker').TRANSCRIPTION_ENGINE).toBe('none');
    expect(problemsFor({ WHISPER_MODEL_PATH: file, WHISPER_LANGUAGE: 'english' })[0]).toMatch(/^WHISPER_LANGUAGE: must be auto or a language code/);
  });
});

describe('YTDLP_PATH', () => {
  it('is optional, may be off, and must name an executable file when set', () => {
    expect(parseEnv(workerEnv, valid, 'apps/worker').YTDLP_PATH).toBeUndefined();
    expect(parseEnv(workerEnv, { ...valid, YTDLP_PATH: 'off' }, 'apps/worker').YTDLP_PATH).toBe('off');
    expect(parseEnv(workerEnv, { ...valid, YTDLP_PATH: '/bin/sh' }, 'apps/worker').YTDLP_PATH).toBe('/bin/sh');
    const notExecutable = path.join(mkdtempSync(path.join(os.tmpdir(), 'ytdlp-')), 'yt-dlp');
    writeFileSync(notExecutable, '#!/bin/sh\n');
    for (const [value, problem] of [['/nonexistent/yt-dlp', 'no such file'], [os.tmpdir(), 'not a file'], [notExecutable, 'not executable']] as const) {
      expect(() => parseEnv(workerEnv, { ...valid, YTDLP_PATH: value }, 'apps/worker')).toThrow(new RegExp(`YTDLP_PATH: ${problem}: set it to the yt-dlp executable`));
    }
  });
});
