import { DomainError, type Word } from '@clipforge/core';

/*
 * SRT and WebVTT parsing. Hand-written on purpose: the npm parsers tried (@plussub/srt-vtt-parser
 * 2.0.5, subtitle 4.2.2) mis-read valid WebVTT (cue settings, cue identifiers) and the format is small.
 */

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;

interface Cue {
  startMs: number;
  endMs: number;
  text: string;
}

function toMs(stamp: string): number {
  const [clock, fraction = '0'] = stamp.replace(',', '.').split('.');
  const parts = clock!.split(':').map(Number);
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
}

/** Cues from SRT or WebVTT text: blocks whose first or second line is a timing line. */
export function parseCues(content: string): Cue[] {
  const blocks = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const at = lines.findIndex((line) => TIMING.test(line));
    if (at < 0 || at > 1) continue; // WEBVTT header, NOTE, STYLE, REGION blocks and stray text
    const [, from, to] = TIMING.exec(lines[at]!)!;
    const text = cleanCueText(lines.slice(at + 1).join(' '));
    if (text) cues.push({ startMs: toMs(from!), endMs: toMs(to!), text });
  }
  return cues;
}

/** Drops markup: <i>, <v Speaker>, <c.class>, inline timestamps, ASS-style {\an8}, entities. */
function cleanCueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{\\[^}]*\}/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Words with timings from cues: each cue's time is shared among its words in proportion to their
 * length, so a word starts no earlier than its cue and the order of time is the order of text.
 */
export function cuesToWords(cues: Cue[]): Word[] {
  const words: Word[] = [];
  for (const cue of [...cues].sort((a, b) => a.startMs - b.startMs)) {
    const tokens = cue.text.split(' ');
    const weights = tokens.map((t) => t.length + 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const span = Math.max(0, cue.endMs - cue.startMs);
    let offset = 0;
    tokens.forEach((text, i) => {
      const startMs = cue.startMs + Math.round((span * offset) / total);
      offset += weights[i]!;
      words.push({ text, startMs, endMs: cue.startMs + Math.round((span * offset) / total) });
    });
  }
  return words;
}

/** Words from an SRT or WebVTT file; BAD_INPUT when it has no cue at all. */
export function parseCaptionFile(content: string): Word[] {
  const cues = parseCues(content);
  if (cues.length === 0) {
    throw new DomainError('BAD_INPUT', 'This is not an SRT or WebVTT caption file (no "00:00:01,000 --> 00:00:04,000" timings found).');
  }
  return cuesToWords(cues);
}
