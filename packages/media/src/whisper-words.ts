import type { Word } from '@clipforge/core';
import type { WhisperSegment } from './whisper-binding.js';

interface Piece {
  text: string;
  startMs: number;
  endMs: number;
  /** Written without a space before it: the rest of the previous word ("lo" in " Hel|lo", ","). */
  continues: boolean;
}

/**
 * whisper.cpp segments → words. ClipForge asks for token timestamps with maxLen 1, so each segment
 * is one token with its own times: a token that starts with a space starts a word, any other token
 * (a word's later piece, punctuation) extends the previous word and its end time. When a segment
 * holds several words anyway (a binding or model that ignores maxLen), its time is shared among
 * them in proportion to their length: an estimate, but each word stays inside its segment.
 * `offsetMs` places a chunk's words on the whole audio's timeline.
 */
export function segmentsToWords(segments: WhisperSegment[], offsetMs = 0): Word[] {
  const words: Word[] = [];
  for (const piece of segments.flatMap(piecesOf)) {
    const last = words.at(-1);
    if (piece.continues && last) {
      last.text += piece.text;
      last.endMs = Math.max(last.endMs, piece.endMs);
    } else {
      words.push({ text: piece.text, startMs: piece.startMs, endMs: piece.endMs });
    }
  }
  return withoutAnnotations(words).map((w) => ({ text: w.text, startMs: offsetMs + Math.round(w.startMs), endMs: offsetMs + Math.round(Math.max(w.endMs, w.startMs)) }));
}

function piecesOf(segment: WhisperSegment): Piece[] {
  const matches = [...segment.text.matchAll(/(\s*)(\S+)/g)];
  const totalChars = matches.reduce((sum, m) => sum + m[2]!.length, 0);
  const span = Math.max(0, segment.t1 - segment.t0);
  let chars = 0;
  return matches.map((m) => {
    const startMs = segment.t0 + (span * chars) / totalChars;
    chars += m[2]!.length;
    return { text: m[2]!, startMs, endMs: segment.t0 + (span * chars) / totalChars, continues: m[1] === '' };
  });
}

/**
 * whisper marks what is not speech in brackets ("[BLANK_AUDIO]", "[Music]", "(upbeat music)") or
 * with ♪; those are not words anyone said and would otherwise become captions.
 */
function withoutAnnotations(words: Word[]): Word[] {
  const kept: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const open = words[i]!.text[0];
    const close = open === '[' ? ']' : open === '(' ? ')' : null;
    if (close) {
      // Parenthesised speech exists ("(I think)"), so only short parenthesised runs are dropped.
      const end = words.slice(i, i + (open === '[' ? 6 : 3)).findIndex((w) => w.text.endsWith(close));
      if (end >= 0) {
        i += end;
        continue;
      }
    }
    if (/^[♪♫*]+$/.test(words[i]!.text)) continue;
    kept.push(words[i]!);
  }
  return kept;
}
