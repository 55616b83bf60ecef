import type { Sentence } from './analyze.js';

// TextTiling (Hearst 1997) over TF-IDF vectors of content words: compare the ~80 words before
// each sentence gap with the ~80 after; a deep valley in that similarity is a topic shift.
const WINDOW_WORDS = 80;
const MIN_SEGMENT_MS = 45_000;

/** Numbers sentences' `topic` from 0 and returns the indices of sentences that open a new topic. */
export function segmentTopics(sentences: Sentence[]): number[] {
  if (sentences.length < 4) return [];
  const idf = inverseDocumentFrequency(sentences);
  const avgWords = sentences.reduce((sum, s) => sum + s.last - s.first + 1, 0) / sentences.length;
  const k = Math.max(2, Math.round(WINDOW_WORDS / Math.max(avgWords, 1)));

  const similarity: number[] = [];
  for (let gap = 1; gap < sentences.length; gap++) {
    similarity.push(cosine(vector(sentences, gap - k, gap, idf), vector(sentences, gap, gap + k, idf)));
  }
  const depth = similarity.map((value, g) => climb(similarity, g, -1) - value + (climb(similarity, g, 1) - value));
  const mean = depth.reduce((a, b) => a + b, 0) / Math.max(depth.length, 1);
  const std = Math.sqrt(depth.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(depth.length, 1));
  const cutoff = mean + std / 2;

  // Deepest valleys first, each far enough from those already taken that topics are not slivers.
  const starts: number[] = [];
  const byDepth = depth.map((d, g) => ({ d, at: g + 1 })).sort((a, b) => b.d - a.d);
  for (const { d, at } of byDepth) {
    if (d <= cutoff || d <= 0) break;
    const t = sentences[at]!.startMs;
    const tooClose =
      t - sentences[0]!.startMs < MIN_SEGMENT_MS ||
      sentences.at(-1)!.endMs - t < MIN_SEGMENT_MS ||
      starts.some((s) => Math.abs(sentences[s]!.startMs - t) < MIN_SEGMENT_MS);
    if (!tooClose) starts.push(at);
  }
  starts.sort((a, b) => a - b);
  let topic = 0;
  let next = 0;
  sentences.forEach((sentence, i) => {
    if (next < starts.length && starts[next] === i) {
      topic++;
      next++;
    }
    sentence.topic = topic;
  });
  return starts;
}

function inverseDocumentFrequency(sentences: readonly Sentence[]) {
  const df = new Map<string, number>();
  for (const s of sentences) for (const term of new Set(s.terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log(sentences.length / count));
  return idf;
}

function vector(sentences: readonly Sentence[], from: number, to: number, idf: Map<string, number>) {
  const v = new Map<string, number>();
  for (let i = Math.max(0, from); i < Math.min(sentences.length, to); i++) {
    for (const term of sentences[i]!.terms) v.set(term, (v.get(term) ?? 0) + (idf.get(term) ?? 0));
  }
  return v;
}

function cosine(a: Map<string, number>, b: Map<string, number>) {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [term, x] of a) {
    na += x * x;
    const y = b.get(term);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** The highest similarity reached walking uphill from gap g in one direction. */
function climb(values: readonly number[], g: number, step: 1 | -1) {
  let peak = values[g]!;
  for (let i = g + step; i >= 0 && i < values.length && values[i]! >= peak; i += step) peak = values[i]!;
  return peak;
}
