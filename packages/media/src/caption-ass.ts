import type { CaptionStyle } from '@clipforge/core';
import type { CaptionLine } from './caption-lines.js';

/*
 * Word-level animated captions as ASS (rendered by libass through ffmpeg's `ass` filter).
 * Colours are ASS's &HAABBGGRR. Each style highlights the word being spoken:
 *   bold-pop: the line in white, the current word yellow and 115 % larger;
 *   karaoke:  the line fills with yellow word by word (\kf sweeps);
 *   clean:    the line in white, the current word light blue, no size change.
 */

const WHITE = '&H00FFFFFF';
const YELLOW = '&H0000E5FF';
const LIGHT_BLUE = '&H00FFC864';

const assTime = (ms: number) => {
  const cs = Math.round(ms / 10);
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
};

/** Text is data, never markup: braces and backslashes would be read as override tags. */
const escapeText = (text: string) => text.replace(/[{}]/g, '').replace(/\\/g, '/');

/** The mark on clips exported on plans with a watermark: small, translucent, top right. */
const WATERMARK_TEXT = 'Made with ClipForge';

export interface AssOptions {
  width: number;
  height: number;
  /** Show the watermark over the whole clip, this long. */
  watermarkMs: number | null;
}

/** Captions (none when `style` is 'none' or there are no lines) and the watermark, as one ASS script. */
export function buildAss(lines: CaptionLine[], style: CaptionStyle, { width, height, watermarkMs }: AssOptions): string {
  const fontSize = Math.round(Math.min(width, height) * 0.075);
  const markSize = Math.round(Math.min(width, height) * 0.035);
  const marginV = Math.round(height * (height > width ? 0.2 : 0.1));
  const primary = style === 'karaoke' ? YELLOW : WHITE;
  const secondary = style === 'karaoke' ? WHITE : YELLOW;
  const header = [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${width}`,
    `PlayResY: ${height}`,
    'WrapStyle: 0',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    `Style: Caption,DejaVu Sans,${fontSize},${primary},${secondary},&H00000000,&H64000000,-1,0,0,0,100,100,0,0,1,${Math.max(2, Math.round(fontSize / 14))},2,2,60,60,${marginV},1`,
    `Style: Watermark,DejaVu Sans,${markSize},&H50FFFFFF,&H50FFFFFF,&H80000000,&H00000000,-1,0,0,0,100,100,0,0,1,1,0,9,${markSize},${markSize},${markSize},1`,
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
  ];
  const events = style === 'none' ? [] : style === 'karaoke' ? lines.map(karaokeEvent) : lines.flatMap((line) => highlightEvents(line, style));
  if (watermarkMs !== null) events.push(`Dialogue: 1,${assTime(0)},${assTime(watermarkMs)},Watermark,,0,0,0,,${WATERMARK_TEXT}`);
  return [...header, ...events].join('\n') + '\n';
}

/** One event per line; each word sweeps from white to yellow until the next word starts. */
function karaokeEvent(line: CaptionLine): string {
  const text = line.words
    .map((word, i) => {
      const untilMs = (line.words[i + 1]?.startMs ?? word.endMs) - word.startMs;
      return `{\\kf${Math.max(1, Math.round(untilMs / 10))}}${escapeText(word.text)}`;
    })
    .join(' ');
  return `Dialogue: 0,${assTime(line.startMs)},${assTime(line.endMs)},Caption,,0,0,0,,${text}`;
}

/** One event per word: the whole line, with that word highlighted, from its start to the next word's. */
function highlightEvents(line: CaptionLine, style: 'bold-pop' | 'clean'): string[] {
  const highlight = style === 'bold-pop' ? `{\\c${YELLOW}&\\fscx115\\fscy115}` : `{\\c${LIGHT_BLUE}&}`;
  return line.words.map((word, i) => {
    const start = i === 0 ? line.startMs : word.startMs;
    const end = line.words[i + 1]?.startMs ?? line.endMs;
    const text = line.words.map((w, j) => (j === i ? `${highlight}${escapeText(w.text)}{\\r}` : escapeText(w.text))).join(' ');
    return `Dialogue: 0,${assTime(start)},${assTime(Math.max(end, start + 10))},Caption,,0,0,0,,${text}`;
  });
}
