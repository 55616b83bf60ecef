import type { AudioFeatures, TimeRange, VisualFeatures } from '@clipforge/core';
import type { Sentence } from './analyze.js';

/** Per-sentence strengths, 0–1, that clip sub-scores are built from. */
export interface SentenceSignals {
  hook: Float64Array;
  emotion: Float64Array;
  value: Float64Array;
  /** Loudness of the sentence minus the video's median, in LU (0 without audio). */
  loudnessDelta: Float64Array;
  /** The video's median speech rate, words per second. */
  medianRate: number;
  bursts: TimeRange[];
  /** Sorted, for counting bursts inside a clip by binary search. */
  burstStartsMs: number[];
  sceneCutsMs: number[];
}

/** Combines independent cues so that each adds but the total never passes 1. */
const anyOf = (...weights: number[]) => 1 - weights.reduce((rest, w) => rest * (1 - Math.min(Math.max(w, 0), 1)), 1);

export function sentenceSignals(sentences: readonly Sentence[], audio: AudioFeatures | null, visual: VisualFeatures | null): SentenceSignals {
  const n = sentences.length;
  const hook = new Float64Array(n);
  const emotion = new Float64Array(n);
  const value = new Float64Array(n);
  const loudnessDelta = new Float64Array(n);
  const loudness = audio ? sentenceLoudness(sentences, audio) : null;
  const medianLoudness = loudness ? median(loudness.filter((l) => l > -60)) : 0;

  sentences.forEach((s, i) => {
    const strongFeeling = Math.abs(s.sentiment) >= 0.5 ? 0.2 : 0;
    hook[i] = anyOf(
      s.question ? 0.55 : 0,
      ...s.hooks.map((h) => (h.label === 'contrarian claim' ? 0.6 : 0.5)),
      s.figures.length ? 0.25 : 0,
      s.exclaim ? 0.2 : 0,
      strongFeeling,
    );
    emotion[i] = Math.min(1, Math.abs(s.sentiment) * 1.2 + (s.exclaim ? 0.25 : 0));
    const density = s.terms.length / (s.last - s.first + 1);
    value[i] = anyOf(
      ...s.values.map(() => 0.35),
      s.payoffs.length ? 0.35 : 0,
      Math.min(0.45, s.figures.length * 0.25),
      s.names.length ? 0.2 : 0,
      density > 0.45 ? 0.15 : 0,
    );
    if (loudness && loudness[i]! > -60) loudnessDelta[i] = loudness[i]! - medianLoudness;
  });

  return {
    hook,
    emotion,
    value,
    loudnessDelta,
    medianRate: median(sentences.map((s) => s.wordsPerSec)) || 2.5,
    bursts: audio?.bursts ?? [],
    burstStartsMs: (audio?.bursts ?? []).map((b) => b.startMs).sort((a, b) => a - b),
    sceneCutsMs: [...(visual?.sceneCutsMs ?? [])].sort((a, b) => a - b),
  };
}

/** Mean momentary loudness under each sentence. */
function sentenceLoudness(sentences: readonly Sentence[], audio: AudioFeatures) {
  return sentences.map((s) => {
    const from = Math.floor(s.startMs / audio.windowMs);
    const to = Math.min(audio.loudness.length - 1, Math.floor(s.endMs / audio.windowMs));
    let sum = 0;
    let count = 0;
    for (let w = from; w <= to; w++) {
      sum += audio.loudness[w]!;
      count++;
    }
    return count ? sum / count : -70;
  });
}

export function median(values: readonly number[]) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
