import type { SubScores } from '@clipforge/core';
import type { Candidate } from './candidates.js';
import type { ScoringContext } from './context.js';

const MAX_PARTS = 4;
const QUOTE_CHARS = 70;

interface Part {
  text: string;
  /** How much of the score this signal carries, to order the parts. */
  weight: number;
}

/** A plain-language sentence naming the signals that drove this clip's score. */
export function explain(ctx: ScoringContext, c: Candidate): string {
  const { sentences, signals, settings } = ctx;
  const w = (k: keyof SubScores) => settings.weights[k] * c.sub[k];
  const first = sentences[c.i]!;
  const last = sentences[c.j]!;
  const range = sentences.slice(c.i, c.j + 1);
  const parts: Part[] = [];

  const keywords = [...new Set(ctx.keywordsOf.slice(c.i, c.j + 1).flat())];
  if (keywords.length) parts.push({ text: `mentions ${keywords.map((k) => `“${k}”`).join(', ')}`, weight: 100 });

  if (c.sub.hook >= 40) {
    const hookSentence = signals.hook[c.i]! >= signals.hook[Math.min(c.i + 1, c.j)]! * 0.8 ? first : sentences[c.i + 1]!;
    const kinds = [hookSentence.question ? 'a question' : null, ...hookSentence.hooks.map((h) => `a ${h.label}`)].filter(Boolean);
    const kind = kinds.length ? kinds.join(' and ') : hookSentence.figures.length ? 'a concrete figure' : 'a strong line';
    parts.push({ text: `opens with ${kind}: “${quote(hookSentence.text)}”`, weight: w('hook') });
  }

  const figures = [...new Set(range.flatMap((s) => s.figures))].slice(0, 3);
  const valueKinds = [...new Set(range.flatMap((s) => s.values.map((v) => v.label)))];
  if (c.sub.value >= 45 && (figures.length || valueKinds.length)) {
    const bits = [valueKinds.length ? `gives ${listOf(valueKinds.map((k) => VALUE_PHRASES[k] ?? k))}` : null, figures.length ? `names figures (${figures.join(', ')})` : null];
    parts.push({ text: bits.filter(Boolean).join(' and '), weight: w('value') });
  }
  if (last.payoffs[0]) parts.push({ text: `ends on a payoff (“${last.payoffs[0].phrase}”)`, weight: w('value') * 0.9 });

  if (c.sub.emotion >= 45) {
    const strongest = range.reduce((a, b) => (Math.abs(b.sentiment) > Math.abs(a.sentiment) ? b : a));
    const bursts = signals.bursts.filter((b) => b.startMs < c.endMs && b.endMs > c.startMs);
    const feeling = Math.abs(strongest.sentiment) >= 0.3 ? `strong ${strongest.sentiment > 0 ? 'positive' : 'negative'} feeling` : 'emphatic delivery';
    parts.push({
      text: bursts.length ? `${feeling}, with laughter or applause at ${clock(bursts[0]!.startMs)}` : feeling,
      weight: w('emotion'),
    });
  }

  if (c.sub.energy >= 65) {
    const words = last.last - first.first + 1;
    const rate = (words * 1000) / Math.max(last.endMs - first.startMs, 1);
    parts.push({ text: `fast delivery (${rate.toFixed(1)} words/s against ${signals.medianRate.toFixed(1)} typical)`, weight: w('energy') });
  } else if (c.sub.energy <= 25) {
    parts.push({ text: 'slow delivery', weight: -1 });
  }

  if (c.sub.standalone >= 90) parts.push({ text: 'stands alone: one topic, no reference back', weight: w('standalone') * 0.6 });
  else if (last.topic > first.topic) parts.push({ text: 'runs across a change of topic', weight: -1 });

  const kept = parts.sort((a, b) => b.weight - a.weight).slice(0, MAX_PARTS);
  if (!kept.length) return 'Steady speech without a strong hook, figure or feeling: a filler pick.';
  const text = kept.map((p) => p.text).join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Names what a clip that refers back is missing, or null when it stands alone. */
export function missingContext(ctx: ScoringContext, c: Candidate): string | null {
  const first = ctx.sentences[c.i]!;
  if (!first.backRef) return null;
  const before = ctx.sentences[c.i - 1];
  const what = first.backRef.label === 'unnamed person' ? `without saying who “${first.backRef.phrase.split(' ').at(-2)}” is` : 'which refers back';
  return before
    ? `Opens with “${first.backRef.phrase}”, ${what}: the clip leaves out “${quote(before.text)}” (${clock(before.startMs)}).`
    : `Opens with “${first.backRef.phrase}”, ${what} to something the viewer has not seen.`;
}

/** The clip's opening words, as a working title. */
export function titleOf(ctx: ScoringContext, c: Candidate) {
  return quote(ctx.sentences[c.i]!.text, 60);
}

const VALUE_PHRASES: Record<string, string> = { advice: 'advice', explanation: 'an explanation', lesson: 'a lesson learned' };

const listOf = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function quote(text: string, max = QUOTE_CHARS) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

export function clock(ms: number) {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}
