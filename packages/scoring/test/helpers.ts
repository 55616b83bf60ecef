import type { Word } from '@clipforge/core';

/** Times sentences word by word at ~2.5 words/s with pauses between sentences. */
export function timedWords(sentences: readonly string[], { startMs = 500, wordMs = 320, gapMs = 80, pauseMs = 500 } = {}): Word[] {
  const words: Word[] = [];
  let t = startMs;
  for (const sentence of sentences) {
    for (const text of sentence.split(' ')) {
      words.push({ text, startMs: t, endMs: t + wordMs });
      t += wordMs + gapMs;
    }
    t += pauseMs;
  }
  return words;
}

export const FILLER = [
  'We looked at the table and then at the window for a while.',
  'The folder was on the desk next to the notebook as usual.',
  'After lunch we checked the schedule and went back to the office.',
  'There was a train at noon and another one in the evening.',
  'My colleague put the garden chairs back in the shed.',
  'Then we moved the boxes from the kitchen to the hallway.',
];

/** `n` filler sentences, cycling. */
export const filler = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => FILLER[(i + offset) % FILLER.length]!);
