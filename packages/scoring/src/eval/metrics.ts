import type { MomentCandidate, TimeRange, Word } from '@clipforge/core';

/**
 * A moment finds a planted segment when they overlap by most of the shorter of the two: most of
 * the moment lies inside the segment, or (for clips longer than the segment) most of the segment
 * lies inside the moment.
 */
const HIT_SHARE = 0.6;

export function precisionAt(k: number, moments: readonly MomentCandidate[], planted: readonly TimeRange[]) {
  const top = moments.slice(0, k);
  if (!top.length) return 0;
  const found = new Set<number>();
  for (const m of top) {
    const hit = planted.findIndex((p, index) => !found.has(index) && overlap(m, p) >= HIT_SHARE * Math.min(m.endMs - m.startMs, p.endMs - p.startMs));
    if (hit >= 0) found.add(hit);
  }
  return found.size / top.length;
}

/** Words whose sound a clip edge cuts through. */
export function wordsCut(moments: readonly MomentCandidate[], words: readonly Word[]) {
  let cut = 0;
  for (const m of moments) {
    for (const w of words) if ((m.startMs > w.startMs && m.startMs < w.endMs) || (m.endMs > w.startMs && m.endMs < w.endMs)) cut++;
  }
  return cut;
}

/** Share of moments whose first word opens a sentence and whose last word closes one. */
export function sentenceAlignedShare(moments: readonly MomentCandidate[], sentenceFirstWords: ReadonlySet<number>, sentenceLastWords: ReadonlySet<number>) {
  if (!moments.length) return 1;
  return moments.filter((m) => sentenceFirstWords.has(m.firstWord) && sentenceLastWords.has(m.lastWord)).length / moments.length;
}

export function meanDurationError(moments: readonly MomentCandidate[], targetMs: number) {
  if (!moments.length) return 0;
  return moments.reduce((sum, m) => sum + Math.abs(m.endMs - m.startMs - targetMs), 0) / moments.length;
}

/** Sentence edges (word indices) of a script whose sentences were timed word by word in order. */
export function sentenceEdges(script: readonly { text: string }[]) {
  const first = new Set<number>();
  const last = new Set<number>();
  let index = 0;
  for (const { text } of script) {
    first.add(index);
    index += text.split(' ').length;
    last.add(index - 1);
  }
  return { first, last };
}

const overlap = (a: TimeRange, b: TimeRange) => Math.max(0, Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs));
