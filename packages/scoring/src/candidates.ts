import type { SubScores } from '@clipforge/core';
import { countBetween, rangeSum, type ScoringContext } from './context.js';

/** A clip over sentences i..j with its scores; the reason is written only for the ones kept. */
export interface Candidate {
  i: number;
  j: number;
  startMs: number;
  endMs: number;
  sub: SubScores;
  score: number;
}

// A little air before the first word and after the last, never reaching into a neighbouring word.
const LEAD_MS = 200;
const TAIL_MS = 350;
const HOOK_WINDOW_MS = 3000;

/** Clip start for a clip opening on sentence i: padded, but never before the previous word ends. */
export function clipStart(ctx: ScoringContext, i: number) {
  const s = ctx.sentences[i]!;
  const previousEnd = i > 0 ? ctx.sentences[i - 1]!.endMs : 0;
  return Math.max(0, previousEnd, s.startMs - LEAD_MS);
}

/** Clip end for a clip closing on sentence j: padded, but never into the next word. */
export function clipEnd(ctx: ScoringContext, j: number) {
  const s = ctx.sentences[j]!;
  const nextStart = j + 1 < ctx.sentences.length ? ctx.sentences[j + 1]!.startMs : ctx.durationMs;
  return Math.max(s.endMs, Math.min(nextStart, ctx.durationMs, s.endMs + TAIL_MS));
}

/** Every sentence-aligned clip that fits the length range and avoids excluded ranges. */
export function generateCandidates(ctx: ScoringContext): Candidate[] {
  const { sentences, settings } = ctx;
  const candidates: Candidate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const startMs = clipStart(ctx, i);
    for (let j = i; j < sentences.length; j++) {
      const endMs = clipEnd(ctx, j);
      if (endMs - startMs > settings.maxMs) break;
      if (overlapsExcluded(ctx, sentences[j]!.startMs, sentences[j]!.endMs)) break;
      if (endMs - startMs >= settings.minMs) candidates.push(scoreRange(ctx, i, j, startMs, endMs));
    }
  }
  return candidates;
}

export function overlapsExcluded(ctx: ScoringContext, startMs: number, endMs: number) {
  return ctx.settings.excludeRanges.some((r) => startMs < r.endMs && endMs > r.startMs);
}

/** Sub-scores and total of the clip over sentences i..j. */
export function scoreRange(ctx: ScoringContext, i: number, j: number, startMs = clipStart(ctx, i), endMs = clipEnd(ctx, j)): Candidate {
  const { sentences, signals, settings, sum, max } = ctx;
  const first = sentences[i]!;
  const last = sentences[j]!;
  const count = j - i + 1;
  const durationMs = endMs - startMs;

  // A very short first sentence ("Listen.") hands the hook to the one after it.
  const secondHook = j > i && first.endMs - first.startMs < HOOK_WINDOW_MS ? 0.8 * signals.hook[i + 1]! : 0;
  const hook = Math.max(signals.hook[i]!, secondHook);

  const bursts = countBetween(signals.burstStartsMs, startMs, endMs);
  const emotion = 0.55 * max.emotion(i, j) + (0.45 * rangeSum(sum.emotion, i, j)) / count + (bursts ? 0.3 : 0);

  const value = 0.5 * max.value(i, j) + (0.5 * rangeSum(sum.value, i, j)) / count + (last.payoffs.length ? 0.15 : 0);

  const words = last.last - first.first + 1;
  const rate = (words * 1000) / Math.max(last.endMs - first.startMs, 1);
  const relativeRate = (rate - signals.medianRate) / signals.medianRate;
  const loudness = rangeSum(sum.loudness, i, j) / count;
  const cutsPerMinute = (countBetween(signals.sceneCutsMs, startMs, endMs) * 60_000) / Math.max(durationMs, 1);
  const energy = 0.5 + 0.9 * relativeRate + 0.06 * loudness + 0.02 * Math.min(cutsPerMinute, 10);

  const topicsCrossed = last.topic - first.topic;
  const standalone =
    1 - (first.backRef ? 0.55 : first.dangling ? 0.15 : 0) - 0.2 * Math.min(topicsCrossed, 2) - (last.question ? 0.15 : 0);

  const sub: SubScores = {
    hook: percent(hook),
    emotion: percent(emotion),
    value: percent(value),
    energy: percent(energy),
    standalone: percent(standalone),
  };
  const weighted = (Object.keys(sub) as (keyof SubScores)[]).reduce((total, k) => total + settings.weights[k] * sub[k], 0);
  const keywordBonus = rangeSum(sum.keywordHits, i, j) > 0 ? 15 : 0;
  const lengthPenalty = (8 * Math.abs(durationMs - settings.targetMs)) / settings.targetMs;
  const score = Math.round(Math.min(100, Math.max(0, weighted + keywordBonus - lengthPenalty)) * 10) / 10;
  return { i, j, startMs, endMs, sub, score };
}

const percent = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100);
