import type { Sentence } from './analyze.js';
import type { EffectiveSettings } from './settings.js';
import type { SentenceSignals } from './signals.js';

/** Everything range scoring reads, precomputed so that scoring any sentence range is O(log n). */
export interface ScoringContext {
  sentences: readonly Sentence[];
  signals: SentenceSignals;
  settings: EffectiveSettings;
  durationMs: number;
  sum: { emotion: Float64Array; value: Float64Array; loudness: Float64Array; keywordHits: Float64Array };
  max: { emotion: SparseMax; value: SparseMax };
  /** Keywords each sentence mentions. */
  keywordsOf: string[][];
}

export function buildContext(sentences: readonly Sentence[], signals: SentenceSignals, settings: EffectiveSettings, durationMs: number): ScoringContext {
  const keywordPatterns = settings.keywords.map((k) => ({ k, re: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(k)}($|[^\\p{L}\\p{N}])`, 'u') }));
  const keywordsOf = sentences.map((s) => keywordPatterns.filter(({ re }) => re.test(s.lower)).map(({ k }) => k));
  return {
    sentences,
    signals,
    settings,
    durationMs,
    sum: {
      emotion: prefixSum(signals.emotion),
      value: prefixSum(signals.value),
      loudness: prefixSum(signals.loudnessDelta),
      keywordHits: prefixSum(keywordsOf.map((k) => k.length)),
    },
    max: { emotion: sparseMax(signals.emotion), value: sparseMax(signals.value) },
    keywordsOf,
  };
}

/** Sum of values[i..j] from a prefix-sum array. */
export const rangeSum = (prefix: Float64Array, i: number, j: number) => prefix[j + 1]! - prefix[i]!;

function prefixSum(values: ArrayLike<number>) {
  const prefix = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i]! + values[i]!;
  return prefix;
}

/** Range-maximum in O(1) after O(n log n) set-up. */
export interface SparseMax {
  (i: number, j: number): number;
}

function sparseMax(values: Float64Array): SparseMax {
  const levels: Float64Array[] = [values];
  for (let span = 2; span <= values.length; span *= 2) {
    const below = levels.at(-1)!;
    const half = span / 2;
    const level = new Float64Array(values.length - span + 1);
    for (let i = 0; i < level.length; i++) level[i] = Math.max(below[i]!, below[i + half]!);
    levels.push(level);
  }
  return (i, j) => {
    const k = 31 - Math.clz32(j - i + 1);
    return Math.max(levels[k]![i]!, levels[k]![j - (1 << k) + 1]!);
  };
}

/** How many sorted values fall in [from, to]. */
export function countBetween(sorted: readonly number[], from: number, to: number) {
  return lowerBound(sorted, to + 1e-9) - lowerBound(sorted, from);
}

function lowerBound(sorted: readonly number[], value: number) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
