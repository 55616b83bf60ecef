import { DomainError, type VideoMetadata } from '@clipforge/core';

export interface ProbeLimits {
  maxDurationSec: number;
  maxDimension: number;
}

export const DEFAULT_PROBE_LIMITS: ProbeLimits = { maxDurationSec: 6 * 3600, maxDimension: 8192 };

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { duration?: string; size?: string; format_name?: string };
}

/** Turns ffprobe's JSON into metadata, or a BAD_INPUT error that tells the user what is wrong. */
export function parseProbe(json: string, limits: ProbeLimits = DEFAULT_PROBE_LIMITS): VideoMetadata {
  let output: FfprobeOutput;
  try {
    output = JSON.parse(json) as FfprobeOutput;
  } catch {
    throw unreadable();
  }
  if (!isVideoContainer(output.format?.format_name)) throw unreadable();
  const streams = output.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video) {
    throw new DomainError('BAD_INPUT', 'This file has no video stream. Upload a video file such as MP4, MOV, MKV or WebM.');
  }
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!audio) {
    throw new DomainError('BAD_INPUT', 'This video has no sound. ClipForge finds moments in what is said: upload a version with its audio track.');
  }
  const width = video.width ?? 0;
  const height = video.height ?? 0;
  if (width < 16 || height < 16 || width > limits.maxDimension || height > limits.maxDimension) {
    throw new DomainError(
      'BAD_INPUT',
      `The video is ${width}×${height}; ClipForge accepts 16 to ${limits.maxDimension} pixels per side.`,
    );
  }
  const durationSec = Number(output.format?.duration ?? video.duration);
  if (!Number.isFinite(durationSec) || durationSec <= 0) {
    throw new DomainError('BAD_INPUT', 'The video has no readable duration; the file may be truncated. Re-export it and upload again.');
  }
  if (durationSec > limits.maxDurationSec) {
    throw new DomainError(
      'BAD_INPUT',
      `The video is ${formatHours(durationSec)} long; the limit is ${formatHours(limits.maxDurationSec)}. Trim it and upload again.`,
    );
  }
  return {
    durationSec: Math.round(durationSec * 1000) / 1000,
    width,
    height,
    videoCodec: video.codec_name ?? 'unknown',
    audioCodec: audio.codec_name ?? 'unknown',
    sizeBytes: Number(output.format?.size ?? 0),
  };
}

/**
 * ffprobe "succeeds" on many things that are not videos (a text file becomes ANSI art through the
 * tty demuxer, a JPEG a one-frame image2 "video"), so only real video containers are accepted.
 */
const VIDEO_CONTAINERS = new Set([
  'mov', 'mp4', 'm4v', '3gp', '3g2', 'mj2', 'matroska', 'webm', 'avi', 'flv', 'mpegts', 'mpeg', 'mpegvideo',
  'ogg', 'asf', 'mxf', 'dv', 'nut', 'wtv', 'rm', 'h264', 'hevc', 'gxf',
]);

function isVideoContainer(formatName: string | undefined): boolean {
  return (formatName ?? '').split(',').some((name) => VIDEO_CONTAINERS.has(name.trim()));
}

export const truncated = () =>
  new DomainError('BAD_INPUT', 'The file is incomplete or damaged (was the upload or export cut short?). Export it again and upload the whole file.');

export const unreadable = () =>
  new DomainError('BAD_INPUT', 'This file is not a video ClipForge can read. Upload a video file such as MP4, MOV, MKV or WebM.');

const formatHours = (sec: number) => `${(sec / 3600).toFixed(1)} h`;
