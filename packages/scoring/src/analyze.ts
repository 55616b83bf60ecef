import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';
import type { Word } from '@clipforge/core';
import { backReference, danglingOpener, hookHits, isQuestion, payoffHits, valueHits, type PatternHit } from './patterns.js';

/** One sentence of the transcript with everything the scorer reads from its text. */
export interface Sentence {
  /** Indices of its first and last word in the transcript. */
  first: number;
  last: number;
  startMs: number;
  endMs: number;
  text: string;
  lower: string;
  /** -1 (negative) … 1 (positive), from the NLP model's sentiment lexicon. */
  sentiment: number;
  exclaim: boolean;
  question: boolean;
  hooks: PatternHit[];
  payoffs: PatternHit[];
  values: PatternHit[];
  /** Numbers, percentages, money, dates and ordinals named in it. */
  figures: string[];
  /** Proper nouns: people, places, products. */
  names: string[];
  backRef: PatternHit | null;
  dangling: string | null;
  /** Lower-cased content words (nouns, verbs, adjectives; no stop words), for topic segmentation. */
  terms: string[];
  wordsPerSec: number;
  /** Topic segment it belongs to; set by segmentTopics. */
  topic: number;
}

// In punctuated text a pause this long still ends a sentence; a shorter one does so only inside
// a run-on of many words.
const HARD_PAUSE_MS = 1000;
const SOFT_PAUSE_MS = 450;
const RUN_ON_WORDS = 30;
// Word-level speech engines often drop punctuation: then sentences end where the speaker pauses
// clearly longer than between words.
const MIN_SENTENCE_PAUSE_MS = 300;
const PAUSE_TO_WORD_GAP = 2.5;
// Wink tags "second" or "year" as figures too; a figure the reason quotes must hold a number.
const NUMERIC = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|percent|half|twice|double)\b/i;

const FIGURE_TYPES = new Set(['CARDINAL', 'ORDINAL', 'PERCENT', 'MONEY', 'DATE', 'TIME', 'DURATION']);
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);

let nlp: WinkMethods | null = null;
/**
 * The model is megabytes of JavaScript: loaded on first use, once per thread, so that starting a
 * process (or a pool thread that never scores) costs nothing.
 */
function loadNlp(): WinkMethods {
  if (nlp) return nlp;
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown) => WinkMethods;
  return (nlp = winkNLP(require('wink-eng-lite-web-model')));
}

/** Splits the transcript into sentences and reads each one's signals. Pure apart from the cached model. */
export function analyzeSentences(words: readonly Word[]): Sentence[] {
  const kept = words.flatMap((word, index) => (word.text.trim() ? [{ index, text: word.text.trim().replace(/\s+/g, ' ') }] : []));
  if (!kept.length) return [];
  const nlp = loadNlp();
  const its = nlp.its;
  const text = kept.map((w) => w.text).join(' ');
  const doc = nlp.readDoc(text);

  // wink's tokenizer is lossless: preceding spaces + token values rebuild the text, which maps
  // every token back to the word it came from.
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const normal = doc.tokens().out(its.normal) as string[];
  const stop = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const tokenWord = new Int32Array(values.length);
  let offset = 0;
  let w = 0;
  let wordEnd = kept[0]!.text.length;
  for (let t = 0; t < values.length; t++) {
    offset += spaces[t]!.length;
    while (offset >= wordEnd && w < kept.length - 1) {
      w++;
      wordEnd += 1 + kept[w]!.text.length;
    }
    tokenWord[t] = w;
    offset += values[t]!.length;
  }

  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentiments = doc.sentences().out(its.sentiment) as unknown as number[];
  const figuresByToken = new Map<number, string>();
  const entityTypes = doc.entities().out(its.type) as string[];
  const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
  const entityValues = doc.entities().out(its.value) as string[];
  entityTypes.forEach((type, e) => {
    if (FIGURE_TYPES.has(type) && NUMERIC.test(entityValues[e]!)) figuresByToken.set(entitySpans[e]![0], entityValues[e]!);
  });

  const pauses = pauseRule(words, kept);
  const sentences: Sentence[] = [];
  let nextFree = 0;
  spans.forEach(([fromToken, toToken], s) => {
    // A sentence boundary inside a word (rare tokenizer cases) leaves the word to the earlier sentence.
    const from = Math.max(tokenWord[fromToken]!, nextFree);
    const lastKept = tokenWord[toToken]!;
    if (from > lastKept) return;
    nextFree = lastKept + 1;
    for (const [a, b] of splitAtPauses(words, kept, from, lastKept, pauses)) {
      const tokenRange = tokensOf(tokenWord, fromToken, toToken, a, b);
      sentences.push(buildSentence(words, kept, a, b, sentiments[s] ?? 0, tokenRange, { values, pos, normal, stop, figuresByToken }));
    }
  });
  return sentences;
}

interface TokenData {
  values: string[];
  pos: string[];
  normal: string[];
  stop: boolean[];
  figuresByToken: Map<number, string>;
}

function buildSentence(
  words: readonly Word[],
  kept: readonly { index: number; text: string }[],
  a: number,
  b: number,
  sentiment: number,
  [fromToken, toToken]: [number, number],
  tokens: TokenData,
): Sentence {
  const first = kept[a]!.index;
  const last = kept[b]!.index;
  const text = kept
    .slice(a, b + 1)
    .map((w) => w.text)
    .join(' ');
  const lower = text.toLowerCase();
  const figures: string[] = [];
  const names: string[] = [];
  const terms: string[] = [];
  for (let t = fromToken; t <= toToken; t++) {
    const figure = tokens.figuresByToken.get(t);
    if (figure) figures.push(figure);
    const tag = tokens.pos[t]!;
    if (tag === 'PROPN' && t > fromToken) names.push(tokens.values[t]!);
    if (CONTENT_POS.has(tag) && !tokens.stop[t] && tokens.normal[t]!.length > 2) terms.push(tokens.normal[t]!);
  }
  const startMs = words[first]!.startMs;
  const endMs = Math.max(words[last]!.endMs, startMs + 1);
  return {
    first,
    last,
    startMs,
    endMs,
    text,
    lower,
    sentiment,
    exclaim: text.includes('!'),
    question: isQuestion(lower),
    hooks: hookHits(lower),
    payoffs: payoffHits(lower),
    values: valueHits(lower),
    figures,
    names,
    backRef: backReference(lower),
    dangling: danglingOpener(lower),
    terms,
    wordsPerSec: ((b - a + 1) * 1000) / (endMs - startMs),
    topic: 0,
  };
}

interface PauseRule {
  hardMs: number;
  softMs: number;
  runOnWords: number;
}

/** How long a pause must be to end a sentence, from how punctuated the text is and its own pace. */
function pauseRule(words: readonly Word[], kept: readonly { index: number; text: string }[]): PauseRule {
  const punctuated = kept.filter((w) => /[.!?]["')\]]?$/.test(w.text)).length >= kept.length * 0.02;
  if (punctuated) return { hardMs: HARD_PAUSE_MS, softMs: SOFT_PAUSE_MS, runOnWords: RUN_ON_WORDS };
  const gaps = kept.slice(1).map((w, k) => words[w.index]!.startMs - words[kept[k]!.index]!.endMs).sort((x, y) => x - y);
  const medianGap = gaps[gaps.length >> 1] ?? 0;
  const ms = Math.max(MIN_SENTENCE_PAUSE_MS, PAUSE_TO_WORD_GAP * medianGap);
  return { hardMs: ms, softMs: ms, runOnWords: 0 };
}

/** Kept-word ranges of one NLP sentence after cutting it at long pauses. */
function splitAtPauses(words: readonly Word[], kept: readonly { index: number }[], a: number, b: number, rule: PauseRule): [number, number][] {
  const ranges: [number, number][] = [];
  let start = a;
  for (let k = a; k < b; k++) {
    const gap = words[kept[k + 1]!.index]!.startMs - words[kept[k]!.index]!.endMs;
    if (gap >= rule.hardMs || (gap >= rule.softMs && k - start + 1 >= rule.runOnWords)) {
      ranges.push([start, k]);
      start = k + 1;
    }
  }
  ranges.push([start, b]);
  return ranges;
}

/** The token range of kept words a..b inside the sentence's tokens. */
function tokensOf(tokenWord: Int32Array, fromToken: number, toToken: number, a: number, b: number): [number, number] {
  let from = fromToken;
  while (from < toToken && tokenWord[from]! < a) from++;
  let to = toToken;
  while (to > from && tokenWord[to]! > b) to--;
  return [from, to];
}
