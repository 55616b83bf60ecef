import { describe, expect, it } from 'vitest';
import { DomainError } from '@clipforge/core';
import { parseCaptionFile, parseCues } from './captions.js';

const SRT = `1
00:00:01,000 --> 00:00:02,500
Hello <i>world</i>

2
00:00:03,000 --> 00:00:04,000
second line
wraps
`;

const VTT = `WEBVTT Kind: captions

NOTE a comment
over two lines

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:02.000 align:start position:10%
<v Bob>Hi <c.loud>there</c> &amp; welcome

00:00:03.000 --> 00:00:04.000
<00:00:03.500>timed {\\an8}words
`;

describe('caption parsing', () => {
  it('reads SRT cues, dropping markup and joining wrapped lines', () => {
    expect(parseCues(SRT)).toEqual([
      { startMs: 1000, endMs: 2500, text: 'Hello world' },
      { startMs: 3000, endMs: 4000, text: 'second line wraps' },
    ]);
  });

  it('reads WebVTT with identifiers, settings, voices, notes and styles', () => {
    expect(parseCues(VTT)).toEqual([
      { startMs: 1000, endMs: 2000, text: 'Hi there & welcome' },
      { startMs: 3000, endMs: 4000, text: 'timed words' },
    ]);
  });

  it('spreads a cue over its words in order, inside the cue', () => {
    const words = parseCaptionFile(SRT);
    expect(words.map((w) => w.text)).toEqual(['Hello', 'world', 'second', 'line', 'wraps']);
    expect(words[0]).toMatchObject({ startMs: 1000 });
    expect(words[1]).toMatchObject({ endMs: 2500 });
    for (let i = 1; i < words.length; i++) expect(words[i]!.startMs).toBeGreaterThanOrEqual(words[i - 1]!.endMs);
  });

  it('handles CRLF, a byte-order mark and hour-less timings', () => {
    expect(parseCues('\uFEFF1\r\n00:01,5 --> 00:02,25\r\nx\r\n')).toEqual([{ startMs: 1500, endMs: 2250, text: 'x' }]);
  });

  it('refuses text that is not captions', () => {
    expect(() => parseCaptionFile('just some notes')).toThrow(DomainError);
  });
});
