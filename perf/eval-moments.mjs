// Moment-detection evaluation: talks built in code with strong segments planted among filler.
// Text path: 10 transcripts of 20 minutes (5 planted segments each) at every length preset.
// Audio path: 2 talk videos spoken by espeak-ng (2 planted segments each, applause after one),
// measured by ffmpeg (loudness, bursts, scene cuts) and scored with those features.
// Prints precision@5 (audio: @2), sentence-aligned share, words cut, mean |duration − target|.
//
//   npm run eval:moments
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scoreMoments, effectiveSettings } from '@clipforge/scoring';
import { plantedTalk, precisionAt, sentenceAlignedShare, sentenceEdges, wordsCut, meanDurationError } from '@clipforge/scoring/eval';
import { ffmpegAnalyzer } from '@clipforge/media';

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
const fmt = (x, digits = 2) => x.toFixed(digits);

function measure(talk, result, k, steering) {
  const edges = sentenceEdges(talk.script);
  return {
    precision: precisionAt(k, result.moments, talk.planted),
    aligned: sentenceAlignedShare(result.moments, edges.first, edges.last),
    cut: wordsCut(result.moments, talk.words),
    durationError: meanDurationError(result.moments, effectiveSettings(steering).targetMs),
    moments: result.moments.length,
  };
}

function report(label, rows, k) {
  console.log(
    `${label.padEnd(28)} precision@${k} ${fmt(mean(rows.map((r) => r.precision)))}  sentence-aligned ${fmt(100 * mean(rows.map((r) => r.aligned)), 1)} %  ` +
      `words cut ${rows.reduce((a, r) => a + r.cut, 0)}  mean |duration − target| ${fmt(mean(rows.map((r) => r.durationError)) / 1000, 1)} s  (${rows.reduce((a, r) => a + r.moments, 0)} moments)`,
  );
  return { label, precision: mean(rows.map((r) => r.precision)), aligned: mean(rows.map((r) => r.aligned)), cut: rows.reduce((a, r) => a + r.cut, 0) };
}

function textPath() {
  const talks = Array.from({ length: 10 }, (_, i) => plantedTalk(100 + i, { minutes: 20, segments: 5 }));
  const results = [];
  for (const length of ['30-60', '15-30', '60-90']) {
    const steering = { length };
    const rows = talks.map((talk) => measure(talk, scoreMoments({ words: talk.words, durationMs: talk.durationMs, steering }), 5, steering));
    results.push(report(`text, ${length} s`, rows, 5));
  }
  return results;
}

/** Speaks each sentence with espeak-ng, joins them with pauses (and applause), builds a video. */
function speakTalk(talk, dir, applauseAfterSegment) {
  const parts = [];
  const words = [];
  const planted = [];
  let t = 500;
  const silence = (ms, name) => {
    const file = path.join(dir, `${name}.wav`);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `anullsrc=r=22050:cl=mono`, '-t', String(ms / 1000), file]);
    return file;
  };
  parts.push(silence(500, 'lead'));
  talk.script.forEach(({ text, planted: segment }, s) => {
    const wav = path.join(dir, `s${s}.wav`);
    execFileSync('espeak-ng', ['-s', '165', '-w', wav, text]);
    const ms = Math.round(1000 * Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', wav]).toString()));
    // espeak gives no word times: spread the sentence over its words by length.
    const tokens = text.split(' ');
    const weights = tokens.map((w) => w.length + 2);
    const total = weights.reduce((a, b) => a + b, 0);
    let at = t + 60;
    tokens.forEach((token, i) => {
      const span = ((ms - 120) * weights[i]) / total;
      words.push({ text: token, startMs: Math.round(at), endMs: Math.round(at + span * 0.85) });
      at += span;
    });
    if (segment !== null) {
      planted[segment] ??= { startMs: t, endMs: t + ms };
      planted[segment].endMs = t + ms;
    }
    parts.push(wav);
    t += ms;
    const next = talk.script[s + 1];
    if (segment !== null && segment === applauseAfterSegment && next?.planted !== segment) {
      const applause = path.join(dir, `applause${s}.wav`);
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.5:r=22050', '-t', '2', '-ac', '1', applause]);
      parts.push(applause);
      t += 2000;
    }
    parts.push(silence(450, `gap${s}`));
    t += 450;
  });
  const list = path.join(dir, 'parts.txt');
  writeFileSync(list, parts.map((p) => `file '${p}'`).join('\n'));
  const audio = path.join(dir, 'talk.flac');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-ac', '1', '-ar', '16000', '-c:a', 'flac', audio]);
  const video = path.join(dir, 'talk.mp4');
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=10', '-i', audio,
    '-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', video,
  ]);
  return { ...talk, words, planted, durationMs: t, audio, video };
}

async function audioPath() {
  const analyzer = ffmpegAnalyzer('ffmpeg');
  const rows = [];
  let burstsFound = 0;
  for (const seed of [201, 202]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clipforge-eval-'));
    try {
      const talk = speakTalk(plantedTalk(seed, { minutes: 4, segments: 2 }), dir, 0);
      const audio = await analyzer.audioFeatures(talk.audio);
      const sceneCutsMs = await analyzer.sceneCuts(talk.video);
      if (audio.bursts.some((b) => b.startMs >= talk.planted[0].endMs - 500 && b.startMs <= talk.planted[0].endMs + 1500)) burstsFound++;
      const steering = {};
      const result = scoreMoments({ words: talk.words, durationMs: talk.durationMs, audio, visual: { sceneCutsMs }, steering });
      rows.push(measure(talk, result, 2, steering));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const summary = report('audio (espeak-ng), 30-60 s', rows, 2);
  console.log(`${''.padEnd(28)} applause bursts found after the planted segment: ${burstsFound} of 2`);
  return summary;
}

export async function evalMoments() {
  console.log('Moment detection on planted talks (targets: precision@5 ≥ 0.8, 100 % sentence-aligned, 0 words cut)\n');
  const results = [...textPath(), await audioPath()];
  const pass = results.every((r) => r.precision >= 0.8 && r.aligned === 1 && r.cut === 0);
  console.log(`\n${pass ? 'PASS' : 'MISS'}: ${results.map((r) => `${r.label} p=${fmt(r.precision)}`).join('; ')}`);
}
