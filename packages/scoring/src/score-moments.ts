import type { MomentCandidate, ScoringInput, ScoringResult, ScorePoint, Word } from '@clipforge/core';
import { analyzeSentences, type Sentence } from './analyze.js';
import { segmentTopics } from './topics.js';
import { sentenceSignals, type SentenceSignals } from './signals.js';
import { effectiveSettings, type EffectiveSettings } from './settings.js';
import { buildContext, type ScoringContext } from './context.js';
import { clipEnd, clipStart, generateCandidates, overlapsExcluded, scoreRange, type Candidate } from './candidates.js';
import { selectMoments } from './select.js';
import { clock, explain, missingContext, titleOf } from './explain.js';

/** What does not depend on steering: computed once per transcript, reused by every re-score. */
export interface Analysis {
  words: readonly Word[];
  sentences: Sentence[];
  signals: SentenceSignals;
  durationMs: number;
}

export function analyze(input: Pick<ScoringInput, 'words' | 'durationMs' | 'audio' | 'visual'>): Analysis {
  const sentences = analyzeSentences(input.words);
  segmentTopics(sentences);
  const lastEnd = sentences.at(-1)?.endMs ?? 0;
  return {
    words: input.words,
    sentences,
    signals: sentenceSignals(sentences, input.audio ?? null, input.visual ?? null),
    durationMs: Math.max(input.durationMs, lastEnd),
  };
}

/** Ranked, explained, sentence-aligned moments for one steering of an analysed video. */
export function rank(analysis: Analysis, steering: ScoringInput['steering']): ScoringResult {
  const settings = effectiveSettings(steering);
  const ctx = buildContext(analysis.sentences, analysis.signals, settings, analysis.durationMs);
  const result = (moments: MomentCandidate[], message: string | null, timeline: ScorePoint[] = []): ScoringResult => ({
    moments,
    message,
    timeline,
    settings: { count: settings.count, minSec: settings.minMs / 1000, maxSec: settings.maxMs / 1000, platform: settings.platform },
  });
  const lengthLabel = `${settings.minMs / 1000}–${settings.maxMs / 1000} s`;

  if (!analysis.sentences.length) {
    return result([], 'The transcript has no words (the video is silent or nothing was recognised), so there is nothing to score. Upload captions or check the audio track.');
  }
  if (analysis.durationMs < settings.minMs) {
    const whole = scoreRange(ctx, 0, analysis.sentences.length - 1, 0, analysis.durationMs);
    return result(
      [toMoment(ctx, whole)],
      `The video is only ${clock(analysis.durationMs)} long, shorter than the ${lengthLabel} clips asked for, so the whole video is one clip.`,
      timeline(ctx, [whole]),
    );
  }

  const candidates = generateCandidates(ctx);
  if (!candidates.length) {
    return result(
      [],
      settings.excludeRanges.length
        ? `The excluded ranges leave no stretch of speech long enough for a ${lengthLabel} clip. Remove some exclusions or choose a shorter length.`
        : `No run of whole sentences fits a ${lengthLabel} clip (sentences are too long or speech too sparse). Choose another length.`,
    );
  }
  const picked = selectMoments(ctx, candidates, settings.count).map((c) => withContext(ctx, c, settings));
  const moments = picked.map((c) => toMoment(ctx, c)).sort((a, b) => b.score - a.score);
  const message = moments.length < settings.count ? `Only ${moments.length} non-overlapping ${lengthLabel} clips fit this video.` : null;
  return result(moments, message, timeline(ctx, candidates));
}

/** One-shot analyse + rank. */
export const scoreMoments = (input: ScoringInput) => rank(analyze(input), input.steering);

/**
 * Re-scores a hand-trimmed clip: the edges snap to the nearest word boundaries (never inside a
 * word) and the sentences it covers are scored as any candidate is.
 */
export function scoreClip(analysis: Analysis, steering: ScoringInput['steering'], startMs: number, endMs: number): MomentCandidate | null {
  const { sentences } = analysis;
  if (!sentences.length) return null;
  const ctx = buildContext(sentences, analysis.signals, effectiveSettings(steering), analysis.durationMs);
  const [snappedStart, snappedEnd] = snapToWords(analysis.words, startMs, endMs);
  const i = sentences.findIndex((s) => s.endMs > snappedStart);
  const j = sentences.findLastIndex((s) => s.startMs < snappedEnd);
  if (i < 0 || j < i) return null;
  return toMoment(ctx, scoreRange(ctx, i, j, snappedStart, snappedEnd), { firstWord: wordAtOrAfter(analysis.words, snappedStart), lastWord: wordAtOrBefore(analysis.words, snappedEnd) });
}

/** Moves each edge to the nearest gap between words, so a clip never starts or ends inside one. */
export function snapToWords(words: readonly Word[], startMs: number, endMs: number): [number, number] {
  const snap = (t: number) => {
    let best = t;
    let bestDistance = Infinity;
    for (const w of words) {
      if (t > w.startMs && t < w.endMs) {
        const edge = t - w.startMs < w.endMs - t ? w.startMs : w.endMs;
        if (Math.abs(edge - t) < bestDistance) {
          best = edge;
          bestDistance = Math.abs(edge - t);
        }
      }
    }
    return best;
  };
  const start = Math.max(0, snap(startMs));
  return [start, Math.max(start + 1, snap(endMs))];
}

const wordAtOrAfter = (words: readonly Word[], t: number) => Math.max(0, words.findIndex((w) => w.endMs > t));
const wordAtOrBefore = (words: readonly Word[], t: number) => Math.max(0, words.findLastIndex((w) => w.startMs < t));

/**
 * A clip that refers back is extended by one sentence when it still fits; otherwise it keeps a
 * flag naming what is missing.
 */
function withContext(ctx: ScoringContext, c: Candidate, settings: EffectiveSettings): Candidate {
  if (!ctx.sentences[c.i]!.backRef || c.i === 0) return c;
  const startMs = clipStart(ctx, c.i - 1);
  const endMs = clipEnd(ctx, c.j);
  if (endMs - startMs > settings.maxMs || overlapsExcluded(ctx, ctx.sentences[c.i - 1]!.startMs, ctx.sentences[c.i - 1]!.endMs)) return c;
  return scoreRange(ctx, c.i - 1, c.j, startMs, endMs);
}

function toMoment(ctx: ScoringContext, c: Candidate, words?: { firstWord: number; lastWord: number }): MomentCandidate {
  return {
    startMs: Math.round(c.startMs),
    endMs: Math.round(c.endMs),
    firstWord: words?.firstWord ?? ctx.sentences[c.i]!.first,
    lastWord: words?.lastWord ?? ctx.sentences[c.j]!.last,
    score: c.score,
    subScores: c.sub,
    reason: explain(ctx, c),
    missingContext: missingContext(ctx, c),
    title: titleOf(ctx, c),
  };
}

/** The best clip score covering each stretch of the video, for the score-over-time chart. */
function timeline(ctx: ScoringContext, candidates: readonly Candidate[]): ScorePoint[] {
  const bucketMs = Math.max(5000, Math.ceil(ctx.durationMs / 150));
  const best = new Float64Array(Math.ceil(ctx.durationMs / bucketMs) || 1);
  for (const c of candidates) {
    const from = Math.floor(c.startMs / bucketMs);
    const to = Math.min(best.length - 1, Math.floor((c.endMs - 1) / bucketMs));
    for (let b = from; b <= to; b++) if (c.score > best[b]!) best[b] = c.score;
  }
  return Array.from(best, (score, b) => ({ atMs: b * bucketMs, score: Math.round(score) }));
}
