import { describe, expect, it } from 'vitest';
import { segmentsToWords } from './whisper-words.js';

/** Segments shaped as @fugood/whisper.node returns them: { text, t0, t1 } with times in ms. */
describe('segmentsToWords', () => {
  it('joins token segments (tokenTimestamps + maxLen 1) into words: a leading space starts a word', () => {
    const tokens = [
      { text: ' Hel', t0: 0, t1: 180 },
      { text: 'lo', t0: 180, t1: 320 },
      { text: ',', t0: 320, t1: 340 },
      { text: ' world', t0: 400, t1: 800 },
      { text: '.', t0: 800, t1: 820 },
    ];
    expect(segmentsToWords(tokens)).toEqual([
      { text: 'Hello,', startMs: 0, endMs: 340 },
      { text: 'world.', startMs: 400, endMs: 820 },
    ]);
  });

  it('shares a multi-word segment’s time among its words by length, inside the segment', () => {
    const words = segmentsToWords([{ text: ' I am here', t0: 1000, t1: 1700 }]);
    expect(words.map((w) => w.text)).toEqual(['I', 'am', 'here']);
    expect(words).toEqual([
      { text: 'I', startMs: 1000, endMs: 1100 },
      { text: 'am', startMs: 1100, endMs: 1300 },
      { text: 'here', startMs: 1300, endMs: 1700 },
    ]);
  });

  it('places a chunk’s words on the whole timeline with the offset', () => {
    expect(segmentsToWords([{ text: ' again', t0: 250, t1: 600 }], 60_000)).toEqual([{ text: 'again', startMs: 60_250, endMs: 60_600 }]);
  });

  it('drops what whisper marks as not speech, keeps words around it', () => {
    const tokens = [
      { text: ' [', t0: 0, t1: 10 },
      { text: 'BL', t0: 10, t1: 20 },
      { text: 'ANK', t0: 20, t1: 30 },
      { text: '_AUDIO]', t0: 30, t1: 900 },
      { text: ' So', t0: 1000, t1: 1200 },
      { text: ' (upbeat', t0: 1200, t1: 1300 },
      { text: ' music)', t0: 1300, t1: 1400 },
      { text: ' ♪', t0: 1400, t1: 1500 },
      { text: ' yes', t0: 1500, t1: 1700 },
    ];
    expect(segmentsToWords(tokens).map((w) => w.text)).toEqual(['So', 'yes']);
  });

  it('keeps a long parenthesised remark: it was said', () => {
    const words = segmentsToWords([{ text: ' (and this is true, I think) yes', t0: 0, t1: 3000 }]);
    expect(words.map((w) => w.text)).toEqual(['(and', 'this', 'is', 'true,', 'I', 'think)', 'yes']);
  });

  it('never yields an end before its start, nor an empty word', () => {
    const words = segmentsToWords([
      { text: '   ', t0: 0, t1: 100 },
      { text: ' odd', t0: 500, t1: 400 },
      { text: '', t0: 600, t1: 700 },
    ]);
    expect(words).toEqual([{ text: 'odd', startMs: 500, endMs: 500 }]);
  });
});
