// An evaluation set built in code: long talks of ordinary filler speech with a few strong
// segments planted at known times. Deterministic per seed, so figures are comparable run to run.
import type { TimeRange, Word } from '@clipforge/core';

export interface PlantedTalk {
  name: string;
  /** Sentences in order, each a planted one or filler. */
  script: { text: string; planted: number | null }[];
  words: Word[];
  durationMs: number;
  /** Where each planted segment lies in the talk. */
  planted: TimeRange[];
}

const TOPICS = ['running', 'saving money', 'cooking', 'hiring', 'public speaking', 'learning piano', 'sleep', 'writing'];
const NOUNS = ['table', 'meeting', 'window', 'folder', 'schedule', 'kitchen', 'car', 'notebook', 'garden', 'office', 'train', 'weekend'];

const FILLER = [
  'We went over the {n} again and then looked at the {n} for a while',
  'There is a {n} next to the {n} that we use sometimes',
  'I think the {n} was fine, more or less the same as the last time',
  'Then we moved the {n} over to the other side of the {n}',
  'It was a normal day with the {n} and the {n} as usual',
  'So we talked a little about the {n} and the {n}',
  'After lunch we checked the {n} and went back to the {n}',
  'My colleague had a {n} on the desk near the {n}',
  'You know, the {n} is usually around here somewhere',
  'We had two cups of coffee and looked at the {n}',
  'Anyway, the {n} was there and the {n} was there too',
  'Do you know what I mean about the {n}',
];

// Planted segments: a hook, substance with figures, feeling, and a payoff, as editors pick them.
const HOOKS = [
  'Why do most people fail at {t}?',
  "Here's the thing nobody tells you about {t}.",
  'Most people think {t} is about talent, but they are wrong.',
  'Three mistakes ruin your {t}, and I made all of them!',
  'What if everything you know about {t} is wrong?',
  'The biggest mistake in {t} is trying too hard.',
];
const VALUES = [
  'In 2019 we tested this with 400 people and 73 percent of them quit within two weeks.',
  'The key is to start with ten minutes a day, because small wins compound.',
  'You should track one number every week, not twenty, because focus beats volume.',
  'We spent 5,000 dollars learning that the first 90 days decide everything.',
  'For example, the people who kept a simple log improved twice as fast.',
  'The reason is simple: the brain rewards progress you can actually see.',
];
const FEELINGS = [
  'Honestly, it was the most amazing feeling of my life!',
  'I was terrified, I felt awful and I almost gave up.',
  'I was so happy and proud that I cried in the car!',
  'It was painful, embarrassing and completely exhausting.',
];
const PAYOFFS = [
  "That's why the best people at {t} win: they simply do not stop.",
  'Turns out the answer was simple all along: show up every single day.',
  'The lesson is clear: small steps beat big plans every time.',
  'In the end, consistency is the whole secret of {t}.',
];

/** A small seeded PRNG (mulberry32): the same seed builds the same talk. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function plantedTalk(seed: number, options: { minutes?: number; segments?: number } = {}): PlantedTalk {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const fill = (template: string, topic: string) => template.replace(/\{n\}/g, () => pick(NOUNS)).replace(/\{t\}/g, topic);
  const minutes = options.minutes ?? 20;
  const segments = options.segments ?? 5;
  const fillerSentences = Math.round((minutes * 60 * 2.6) / 11);
  // Planted segments spread over the talk, each after a random stretch of filler.
  const slots = new Set<number>();
  while (slots.size < segments) slots.add(Math.floor(((slots.size + rnd()) / segments) * (fillerSentences - 8)) + 4);

  const script: PlantedTalk['script'] = [];
  let planted = 0;
  for (let f = 0; f < fillerSentences; f++) {
    if (slots.has(f)) {
      const topic = pick(TOPICS);
      const segment = [pick(HOOKS), pick(VALUES), pick(VALUES), pick(FEELINGS), pick(PAYOFFS)];
      for (const text of segment) script.push({ text: fill(text, topic), planted });
      planted++;
    }
    script.push({ text: `${fill(pick(FILLER), '')}.`, planted: null });
  }
  return { name: `talk-${seed}`, script, ...timeWords(script, rnd) };
}

/** Word timings at a natural pace: ~2.6 words/s, short gaps between words, longer between sentences. */
function timeWords(script: PlantedTalk['script'], rnd: () => number) {
  const words: Word[] = [];
  const planted: TimeRange[] = [];
  let t = 800;
  for (const { text, planted: segment } of script) {
    const sentenceStart = t;
    for (const token of text.split(' ')) {
      const length = 180 + token.replace(/[^a-z0-9]/gi, '').length * 38 + rnd() * 60;
      words.push({ text: token, startMs: Math.round(t), endMs: Math.round(t + length) });
      t += length + 40 + rnd() * 60;
    }
    if (segment !== null) {
      const range = (planted[segment] ??= { startMs: sentenceStart, endMs: t });
      range.endMs = t;
    }
    t += 350 + rnd() * 400;
  }
  return { words, durationMs: Math.round(t + 1000), planted };
}
