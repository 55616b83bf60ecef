import type { Word } from '@clipforge/core';

/** Words shown together on screen: a short line that reads in one glance. */
export interface CaptionLine {
  words: Word[];
  startMs: number;
  endMs: number;
}

const MAX_WORDS = 4;
const MAX_LINE_MS = 2500;
const BREAK_GAP_MS = 700;

/** Groups words into lines, breaking at sentence ends, pauses, and length/duration limits. */
export function captionLines(words: Word[]): CaptionLine[] {
  const lines: CaptionLine[] = [];
  let current: Word[] = [];
  const flush = () => {
    if (current.length) lines.push({ words: current, startMs: current[0]!.startMs, endMs: current.at(-1)!.endMs });
    current = [];
  };
  for (const word of words) {
    const previous = current.at(-1);
    if (
      previous &&
      (current.length >= MAX_WORDS || word.startMs - previous.endMs > BREAK_GAP_MS || word.endMs - current[0]!.startMs > MAX_LINE_MS || /[.!?]$/.test(previous.text))
    ) {
      flush();
    }
    current.push(word);
  }
  flush();
  return lines;
}

const stamp = (ms: number, separator: ',' | '.') => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
};

export function toSrt(lines: CaptionLine[]): string {
  return lines
    .map((line, i) => `${i + 1}\n${stamp(line.startMs, ',')} --> ${stamp(line.endMs, ',')}\n${line.words.map((w) => w.text).join(' ')}\n`)
    .join('\n');
}

export function toVtt(lines: CaptionLine[]): string {
  return `WEBVTT\n\n${lines.map((line) => `${stamp(line.startMs, '.')} --> ${stamp(line.endMs, '.')}\n${line.words.map((w) => w.text).join(' ')}\n`).join('\n')}`;
}
