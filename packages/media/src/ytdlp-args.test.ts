import { describe, expect, it } from 'vitest';
import { parseYtDlpLine, ytDlpArgs } from './ytdlp-args.js';

describe('ytDlpArgs', () => {
  const args = ytDlpArgs('https://video.example/watch?v=1', { proxyUrl: 'http://u:p@127.0.0.1:9', workDir: '/tmp/job', maxBytes: 1000, ffmpegPath: '/usr/bin/ffmpeg' });
  const value = (flag: string) => args[args.indexOf(flag) + 1];

  it('reads no config, runs nothing afterwards and goes through the proxy', () => {
    expect(args).toContain('--ignore-config');
    expect(args).toContain('--no-exec');
    expect(args.some((a) => a === '--exec' || a.startsWith('--exec='))).toBe(false);
    expect(value('--proxy')).toBe('http://u:p@127.0.0.1:9');
    expect(value('--downloader')).toBe('native');
  });

  it('takes one video, not live, within the size limit, into the job directory', () => {
    expect(args).toContain('--no-playlist');
    expect(value('--playlist-items')).toBe('1');
    expect(value('--break-match-filters')).toBe('!is_live');
    expect(value('--max-filesize')).toBe('1000');
    expect(value('-P')).toBe('/tmp/job');
    expect(value('-o')).toBe('video.%(ext)s');
    expect(value('-f')).toMatch(/protocol~=/);
    expect(value('--merge-output-format')).toBe('mp4');
    expect(value('--ffmpeg-location')).toBe('/usr/bin/ffmpeg');
  });

  it('ends with the URL after --, so a link can never be read as an option', () => {
    expect(args.slice(-2)).toEqual(['--', 'https://video.example/watch?v=1']);
  });

  it('leaves a bare ffmpeg name to yt-dlp’s own PATH lookup', () => {
    expect(ytDlpArgs('https://x.example/', { proxyUrl: 'http://p', workDir: '/w', maxBytes: 1, ffmpegPath: 'ffmpeg' })).not.toContain('--ffmpeg-location');
  });
});

describe('parseYtDlpLine', () => {
  it('reads progress from the total, else the estimate, else says unknown', () => {
    expect(parseYtDlpLine('cf-progress 500 1000 NA')).toEqual({ progress: 0.5 });
    expect(parseYtDlpLine('cf-progress 250 NA 1000.5')).toEqual({ progress: 250 / 1000.5 });
    expect(parseYtDlpLine('cf-progress 250 NA NA')).toEqual({ progress: null });
    expect(parseYtDlpLine('cf-progress 2000 1000 NA')).toEqual({ progress: 1 });
  });

  it('reads the final file and ignores everything else', () => {
    expect(parseYtDlpLine('cf-file /tmp/job/video.mp4')).toEqual({ file: '/tmp/job/video.mp4' });
    expect(parseYtDlpLine('[generic] Extracting URL: https://x.example/')).toBeNull();
    expect(parseYtDlpLine('')).toBeNull();
  });
});
