import { describe, expect, it } from 'vitest';
import { chooseCuts } from './audio-chunks.js';

describe('chooseCuts', () => {
  it('does not cut audio shorter than the target', () => {
    expect(chooseCuts(100, [], 1200, 60)).toEqual([]);
  });

  it('cuts in the silence nearest each target, never past it', () => {
    const silences = [
      { start: 1100, end: 1102 },
      { start: 1180, end: 1184 },
      { start: 1210, end: 1212 },
    ];
    expect(chooseCuts(2000, silences, 1200, 60)).toEqual([1182]);
  });

  it('falls back to the target when no silence is near', () => {
    expect(chooseCuts(2500, [{ start: 10, end: 11 }], 1000, 50)).toEqual([1000, 2000]);
  });
});
