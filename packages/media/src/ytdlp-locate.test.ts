import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findYtDlp } from './ytdlp-locate.js';

describe('findYtDlp', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'find-ytdlp-'));
  const withTool = path.join(root, 'bin');
  const withoutTool = path.join(root, 'empty');
  const notExecutable = path.join(root, 'noexec');
  for (const dir of [withTool, withoutTool, notExecutable]) mkdirSync(dir);
  writeFileSync(path.join(withTool, 'yt-dlp'), '#!/bin/sh\n');
  chmodSync(path.join(withTool, 'yt-dlp'), 0o755);
  writeFileSync(path.join(notExecutable, 'yt-dlp'), 'not a program');

  it('takes YTDLP_PATH when set, and none when it is off', () => {
    expect(findYtDlp('/opt/yt-dlp/yt-dlp', withTool)).toBe('/opt/yt-dlp/yt-dlp');
    expect(findYtDlp('off', withTool)).toBeNull();
  });

  it('otherwise finds an executable yt-dlp on PATH, in PATH order', () => {
    expect(findYtDlp(undefined, [withoutTool, notExecutable, withTool].join(path.delimiter))).toBe(path.join(withTool, 'yt-dlp'));
    expect(findYtDlp(undefined, [withoutTool, notExecutable].join(path.delimiter))).toBeNull();
    expect(findYtDlp(undefined, '')).toBeNull();
  });
});
