import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { audioFeaturesFrom, ffmpegAnalyzer, parseMetadataFrames } from '../src/index.js';
import { makeSpeechWithApplause, makeVideoWithCuts } from '../../../test/support/media.js';

const analyzer = ffmpegAnalyzer('ffmpeg');

describe('ffmpegAnalyzer', () => {
  it('measures loudness every 500 ms and finds an applause-like burst between two stretches of speech', async () => {
    const text = 'Here is a sentence spoken by the machine, and then we hear applause.';
    const file = makeSpeechWithApplause(text);
    const totalSec = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());
    const features = await analyzer.audioFeatures(file);
    expect(features.windowMs).toBe(500);
    expect(features.loudness.length).toBeGreaterThan(10);
    expect(Math.max(...features.loudness)).toBeGreaterThan(-30);
    expect(features.bursts).toHaveLength(1);
    // speech, 2 s of noise, the same speech again
    const noiseStart = ((totalSec - 2) / 2) * 1000;
    expect(Math.abs(features.bursts[0]!.startMs - noiseStart)).toBeLessThanOrEqual(600);
    expect(Math.abs(features.bursts[0]!.endMs - (noiseStart + 2000))).toBeLessThanOrEqual(600);
  });

  it('finds scene cuts at the times the picture changes', async () => {
    const cuts = await analyzer.sceneCuts(makeVideoWithCuts([2, 4.5, 7], 9));
    expect(cuts).toHaveLength(3);
    [2000, 4500, 7000].forEach((expected, i) => expect(Math.abs(cuts[i]! - expected)).toBeLessThanOrEqual(80));
  });
});

describe('parsing ffmpeg metadata', () => {
  it('reads frames with their values and ignores what is not metadata', () => {
    const frames = parseMetadataFrames('frame:0    pts:0       pts_time:0\nlavfi.r128.M=-120.691\nlavfi.aspectralstats.1.flatness=0.5\nframe:1    pts:1600    pts_time:0.1\nlavfi.r128.M=-19.5\nnoise\n');
    expect(frames).toEqual([
      { time: 0, values: { 'r128.M': -120.691, 'aspectralstats.1.flatness': 0.5 } },
      { time: 0.1, values: { 'r128.M': -19.5 } },
    ]);
  });

  it('folds frames into windows and ignores a single noisy window (a consonant, not applause)', () => {
    const frame = (time: number, loudness: number, flatness: number) => ({ time, values: { 'r128.M': loudness, 'aspectralstats.1.flatness': flatness } });
    const frames = [...Array.from({ length: 30 }, (_, i) => frame(i / 10, -20, i >= 10 && i < 15 ? 0.8 : 0.2))];
    const features = audioFeaturesFrom(frames);
    expect(features.loudness).toEqual([-20, -20, -20, -20, -20, -20]);
    expect(features.bursts).toEqual([]);
  });
});
