import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

const workDir = mkdtempSync(path.join(os.tmpdir(), 'clipforge-test-media-'));

/** A real H.264/AAC MP4 made by ffmpeg from lavfi sources: a test pattern with a tone. */
export function makeVideo(options: { seconds?: number; width?: number; height?: number; name?: string } = {}): string {
  const { seconds = 3, width = 320, height = 240, name = `video-${width}x${height}-${seconds}s.mp4` } = options;
  const file = path.join(workDir, name);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=25`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', String(seconds),
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart',
    file,
  ]);
  return file;
}

export function makeTextFile(name = 'notes.txt'): string {
  const file = path.join(workDir, name);
  writeFileSync(file, 'these are meeting notes, not a video\n'.repeat(50));
  return file;
}

export const SAMPLE_SRT = `1
00:00:00,200 --> 00:00:01,400
Welcome to the <i>launch</i> talk

2
00:00:01,600 --> 00:00:02,800
three things matter today
`;

/** An MP4 with captions (the sample ones by default) embedded as a mov_text subtitle stream. */
export function makeVideoWithEmbeddedCaptions(name = 'captioned.mp4', captions = { srt: SAMPLE_SRT, seconds: 3 }): string {
  const srt = path.join(workDir, `${name}.srt`);
  writeFileSync(srt, captions.srt);
  const file = path.join(workDir, name);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25',
    '-f', 'lavfi', '-i', 'sine=frequency=440',
    '-i', srt,
    '-t', String(captions.seconds), '-map', '0:v', '-map', '1:a', '-map', '2:s',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-c:s', 'mov_text', '-shortest',
    file,
  ]);
  return file;
}

/** A talk: espeak-ng speech over a test pattern, and the matching SRT sidecar. */
export function makeSpokenVideo(text: string, name = 'spoken.mp4'): string {
  const wav = path.join(workDir, `${name}.wav`);
  execFileSync('espeak-ng', ['-s', '150', '-w', wav, text]);
  const file = path.join(workDir, name);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-i', wav,
    '-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file,
  ]);
  return file;
}

export function writeCaptionFile(content: string, name = 'captions.srt'): string {
  const file = path.join(workDir, name);
  writeFileSync(file, content);
  return file;
}

/** espeak-ng speech as 16 kHz mono FLAC (what the import extracts for speech engines). */
export function makeSpeechAudio(text: string, name = 'speech.flac'): string {
  const wav = path.join(workDir, `${name}.wav`);
  execFileSync('espeak-ng', ['-s', '150', '-g', '40', '-w', wav, text]);
  const file = path.join(workDir, name);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-ac', '1', '-ar', '16000', '-c:a', 'flac', file]);
  return file;
}

/** SRT text with one cue per sentence of a scripted talk whose words were timed in order. */
export function srtForTalk(talk: { script: readonly { text: string }[]; words: readonly { startMs: number; endMs: number }[] }): string {
  let w = 0;
  const sentences = talk.script.map(({ text }) => {
    const count = text.split(' ').length;
    const range = { text, startMs: talk.words[w]!.startMs, endMs: talk.words[w + count - 1]!.endMs };
    w += count;
    return range;
  });
  return srtFromSentences(sentences);
}

function srtFromSentences(sentences: readonly { text: string; startMs: number; endMs: number }[]): string {
  const stamp = (ms: number) =>
    `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')},${String(ms % 1000).padStart(3, '0')}`;
  return sentences.map((s, i) => `${i + 1}\n${stamp(s.startMs)} --> ${stamp(s.endMs)}\n${s.text}\n`).join('\n');
}

/** A video whose picture changes scene at the given seconds (solid colours, then a test pattern). */
export function makeVideoWithCuts(cutsSec: number[], seconds: number, name = 'cuts.mp4'): string {
  const colours = ['red', 'blue', 'green', 'yellow', 'white', 'purple'];
  const edges = [0, ...cutsSec, seconds];
  const inputs = edges.slice(1).flatMap((end, i) => ['-f', 'lavfi', '-i', `color=c=${colours[i % colours.length]}:size=320x240:rate=25:d=${end - edges[i]!}`]);
  const file = path.join(workDir, name);
  const n = edges.length - 1;
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', ...inputs, '-f', 'lavfi', '-t', String(seconds), '-i', 'sine=frequency=300',
    '-filter_complex', `${Array.from({ length: n }, (_, i) => `[${i}:v]`).join('')}concat=n=${n}:v=1:a=0[v]`,
    '-map', '[v]', '-map', `${n}:a`, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file,
  ]);
  return file;
}

/** Speech, then two seconds of loud noise (applause-like), then speech again, as 16 kHz FLAC. */
export function makeSpeechWithApplause(text: string, name = 'applause.flac'): string {
  const wav = path.join(workDir, `${name}.wav`);
  execFileSync('espeak-ng', ['-s', '150', '-w', wav, text]);
  const file = path.join(workDir, name);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-i', wav, '-f', 'lavfi', '-t', '2', '-i', 'anoisesrc=color=pink:amplitude=0.6:r=22050', '-i', wav,
    '-filter_complex', '[0][1][2]concat=n=3:v=0:a=1,aresample=16000,aformat=channel_layouts=mono', '-c:a', 'flac', file,
  ]);
  return file;
}

/**
 * A 960×540 talk-like video in which a real face photo (from @vladmandic/face-api's demo folder)
 * holds still, walks right between `moveFromSec` and `moveToSec`, then holds still again. Returns
 * the file and the photo's left edge over time (px), for checking where a tracker thinks it is.
 */
export function makeMovingFaceVideo(options: { seconds?: number; moveFromSec?: number; moveToSec?: number; name?: string } = {}) {
  const { seconds = 8, moveFromSec = 1, moveToSec = 7, name = 'moving-face.mp4' } = options;
  const photo = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample3.jpg');
  const size = 240;
  const [fromX, toX] = [40, 960 - size - 40];
  const speed = (toX - fromX) / (moveToSec - moveFromSec);
  const x = `if(lt(t,${moveFromSec}),${fromX},if(lt(t,${moveToSec}),${fromX}+(t-${moveFromSec})*${speed},${toX}))`;
  const file = path.join(workDir, name);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `color=c=0x505860:size=960x540:rate=25:d=${seconds}`,
    '-loop', '1', '-i', photo,
    '-f', 'lavfi', '-i', `sine=frequency=200:duration=${seconds}`,
    '-filter_complex', `[1:v]crop=560:560:930:80,scale=${size}:${size}[face];[0:v][face]overlay=x='${x}':y=150:shortest=1[v]`,
    '-map', '[v]', '-map', '2:a', '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', file,
  ]);
  const photoLeftAt = (tSec: number) => (tSec < moveFromSec ? fromX : tSec < moveToSec ? fromX + (tSec - moveFromSec) * speed : toX);
  return { file, width: 960, height: 540, photoSize: size, photoLeftAt };
}

/**
 * An MP4 with its index at the front (faststart) cut to a third: ffprobe still reads its length,
 * but decoding runs out of data, so the import fails after the probe.
 */
export function makeCutShortVideo(name = 'cut-short.mp4'): string {
  const whole = path.join(workDir, `whole-${name}`);
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine',
    '-t', '4', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', whole,
  ]);
  const bytes = readFileSync(whole);
  const file = path.join(workDir, name);
  writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
  return file;
}
