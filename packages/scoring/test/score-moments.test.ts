import { describe, expect, it } from 'vitest';
import { analyze, rank, scoreClip, scoreMoments, snapToWords } from '../src/index.js';
import { plantedTalk } from '../src/eval/planted-talks.js';
import { precisionAt, sentenceAlignedShare, sentenceEdges, wordsCut } from '../src/eval/metrics.js';
import { filler, timedWords } from './helpers.js';

const STRONG = [
  'Why do most people quit running in the first month?',
  'In 2019 we followed 400 beginners and 73 percent stopped within three weeks.',
  'The key is to start with ten minutes a day, because small wins compound.',
  'Honestly, finishing my first race was the most amazing feeling of my life!',
  "That's why the best runners win: they simply do not stop.",
];

describe('scoreMoments', () => {
  it('finds planted strong segments among filler, on sentence boundaries, without cutting words', () => {
    for (const seed of [11, 12, 13]) {
      const talk = plantedTalk(seed, { minutes: 12, segments: 5 });
      const { moments, message } = scoreMoments({ words: talk.words, durationMs: talk.durationMs });
      const edges = sentenceEdges(talk.script);
      expect(message).toBeNull();
      expect(precisionAt(5, moments, talk.planted)).toBeGreaterThanOrEqual(0.8);
      expect(sentenceAlignedShare(moments, edges.first, edges.last)).toBe(1);
      expect(wordsCut(moments, talk.words)).toBe(0);
      for (const m of moments) {
        expect(m.endMs - m.startMs).toBeGreaterThanOrEqual(30_000);
        expect(m.endMs - m.startMs).toBeLessThanOrEqual(60_000);
      }
    }
  });

  it('explains each moment with the signals that drove it, and keeps sub-scores in 0–100', () => {
    const words = timedWords([...filler(30), ...STRONG, ...filler(30, 2)]);
    const { moments } = scoreMoments({ words, durationMs: words.at(-1)!.endMs + 500, steering: { length: '15-30', count: 3 } });
    const best = moments[0]!;
    expect(best.title).toMatch(/^Why do most people quit running/);
    expect(best.reason).toMatch(/opens with a question/i);
    expect(best.reason).toMatch(/names figures \(.*2019.*\)/);
    for (const m of moments) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(100);
      for (const value of Object.values(m.subScores)) expect(value).toBeGreaterThanOrEqual(0), expect(value).toBeLessThanOrEqual(100);
    }
    expect(moments.map((m) => m.score)).toEqual([...moments.map((m) => m.score)].sort((a, b) => b - a));
  });

  it('is deterministic', () => {
    const talk = plantedTalk(3, { minutes: 6, segments: 2 });
    const input = { words: talk.words, durationMs: talk.durationMs };
    expect(scoreMoments(input)).toEqual(scoreMoments(input));
  });

  it('never returns overlapping moments and spreads them across the video', () => {
    const talk = plantedTalk(5, { minutes: 20, segments: 6 });
    const { moments } = scoreMoments({ words: talk.words, durationMs: talk.durationMs, steering: { count: 10 } });
    const sorted = [...moments].sort((a, b) => a.startMs - b.startMs);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.startMs).toBeGreaterThanOrEqual(sorted[i - 1]!.endMs);
    expect(sorted.at(-1)!.startMs - sorted[0]!.startMs).toBeGreaterThan(talk.durationMs / 2);
  });

  it('extends a clip that opens by referring back, when the sentence before still fits', () => {
    const context = 'Most startups run out of money in their second year.';
    const words = timedWords([...filler(12), context, "That's why three mistakes ruin most runners, and I made all of them!", STRONG[1]!, STRONG[3]!, ...filler(12, 1)]);
    const { moments } = scoreMoments({ words, durationMs: words.at(-1)!.endMs + 500, steering: { length: '15-30', count: 1 } });
    expect(moments[0]!.title).toMatch(/^Most startups run out of money/);
    expect(moments[0]!.missingContext).toBeNull();
  });

  it('names the missing context when the clip cannot include it', () => {
    // The sentence before the back reference is too long to fit in a 15–30 s clip with it.
    const long = `${'We spent a long time talking about the many different things in the office and the kitchen and the garden '.repeat(3)}today.`;
    const words = timedWords([...filler(10), long, "That's why you should raise 18 months of runway, not 12!", 'The key is to plan for the worst case because it usually comes.', 'In 2019 we saw 60 percent of our friends fail exactly this way.', 'It was painful and terrifying, honestly the worst year of my life!', ...filler(10, 2)]);
    const { moments } = scoreMoments({ words, durationMs: words.at(-1)!.endMs + 500, steering: { length: '15-30', count: 1 } });
    expect(moments[0]!.title).toMatch(/^That's why you should raise/);
    expect(moments[0]!.missingContext).toMatch(/^Opens with “that's why”, which refers back: the clip leaves out “We spent a long time/);
    expect(moments[0]!.subScores.standalone).toBeLessThan(50);
  });

  it('finds sentences by pauses when the transcript has no punctuation', () => {
    const sentences = [...filler(8), ...STRONG, ...filler(8, 3)].map((s) => s.replace(/[.!?,:]/g, '').toLowerCase());
    const words = timedWords(sentences);
    const analysis = analyze({ words, durationMs: 0 });
    expect(analysis.sentences).toHaveLength(sentences.length);
    expect(analysis.sentences[8]!.question).toBe(true);
  });
});

describe('steering', () => {
  const words = timedWords([...filler(25), ...STRONG, ...filler(25, 4), 'Bananas are my favourite snack after a long ride.', ...filler(25, 1)]);
  const durationMs = words.at(-1)!.endMs + 500;
  const analysis = analyze({ words, durationMs });

  it('favours keywords and says so', () => {
    const plain = rank(analysis, { length: '15-30', count: 3 });
    const steered = rank(analysis, { length: '15-30', count: 3, keywords: ['Bananas'] });
    expect(plain.moments.some((m) => m.reason.includes('bananas'))).toBe(false);
    const banana = steered.moments.find((m) => m.reason.includes('Mentions “bananas”'));
    expect(banana).toBeDefined();
  });

  it('keeps out of excluded ranges and says why when nothing is left', () => {
    const strongStart = words.findIndex((w) => w.text === 'Why');
    const excluded = { startMs: words[strongStart]!.startMs - 1000, endMs: words[strongStart + 60]!.endMs };
    const { moments } = rank(analysis, { length: '15-30', excludeRanges: [excluded] });
    for (const m of moments) expect(m.endMs <= excluded.startMs || m.startMs >= excluded.endMs).toBe(true);
    const none = rank(analysis, { excludeRanges: [{ startMs: 0, endMs: durationMs }] });
    expect(none.moments).toEqual([]);
    expect(none.message).toMatch(/excluded ranges leave no stretch of speech long enough/);
  });

  it('applies count, length and platform presets', () => {
    expect(rank(analysis, { count: 2 }).moments).toHaveLength(2);
    const linkedin = rank(analysis, { platform: 'linkedin' });
    expect(linkedin.settings).toMatchObject({ minSec: 30, maxSec: 90, platform: 'linkedin' });
    for (const m of linkedin.moments) expect(m.endMs - m.startMs).toBeGreaterThanOrEqual(30_000);
    const custom = rank(analysis, { length: { minSec: 20, maxSec: 25 } });
    for (const m of custom.moments) expect(m.endMs - m.startMs).toBeLessThanOrEqual(25_000);
  });
});

describe('bad input', () => {
  it('an empty transcript gives no moments and says why', () => {
    const result = scoreMoments({ words: [], durationMs: 60_000 });
    expect(result.moments).toEqual([]);
    expect(result.message).toMatch(/no words/);
  });

  it('a video shorter than the target length gives one clip of the whole', () => {
    const words = timedWords(STRONG.slice(0, 2));
    const result = scoreMoments({ words, durationMs: 12_000, steering: { length: '15-30' } });
    expect(result.moments).toHaveLength(1);
    expect(result.moments[0]).toMatchObject({ startMs: 0, endMs: 12_000, firstWord: 0, lastWord: words.length - 1 });
    expect(result.message).toMatch(/only 0:12 long.*whole video is one clip/);
  });
});

describe('trimming', () => {
  it('snaps edges to word boundaries, never inside a word', () => {
    const words = timedWords(['one two three four']);
    // Words: 500–820, 900–1220, 1300–1620, 1700–2020.
    expect(snapToWords(words, 1000, 1600)).toEqual([900, 1620]);
    expect(snapToWords(words, 850, 1250)).toEqual([850, 1250]);
  });

  it('re-scores the trimmed range', () => {
    const words = timedWords([...filler(10), ...STRONG, ...filler(10)]);
    const analysis = analyze({ words, durationMs: words.at(-1)!.endMs });
    const why = words.findIndex((w) => w.text === 'Why');
    const clip = scoreClip(analysis, {}, words[why]!.startMs + 50, words[why + 30]!.endMs - 50)!;
    expect(clip.startMs).toBe(words[why]!.startMs);
    expect(clip.endMs).toBe(words[why + 30]!.endMs);
    expect(clip.firstWord).toBe(why);
    expect(clip.title).toMatch(/^Why do most people/);
    expect(scoreClip(analyze({ words: [], durationMs: 0 }), {}, 0, 1000)).toBeNull();
  });
});
