import { describe, expect, it } from 'vitest';
import { DomainError } from '@clipforge/core';
import { parseProbe } from './probe.js';

const probe = (streams: object[], format: object = { duration: '12.5', size: '1000', format_name: 'mov,mp4,m4a,3gp,3g2,mj2' }) => JSON.stringify({ streams, format });
const video = { codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080 };
const audio = { codec_type: 'audio', codec_name: 'aac' };

function rejection(json: string): DomainError {
  try {
    parseProbe(json);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected parseProbe to reject');
}

describe('parseProbe', () => {
  it('reads duration, resolution, codecs and size', () => {
    expect(parseProbe(probe([video, audio]))).toEqual({
      durationSec: 12.5,
      width: 1920,
      height: 1080,
      videoCodec: 'h264',
      audioCodec: 'aac',
      sizeBytes: 1000,
    });
  });

  it('rejects a video without sound, saying why', () => {
    expect(rejection(probe([video])).message).toMatch(/no sound/);
  });

  it('rejects audio-only files and cover art that only looks like video', () => {
    expect(rejection(probe([audio])).message).toMatch(/no video stream/);
    expect(rejection(probe([{ ...video, disposition: { attached_pic: 1 } }, audio])).code).toBe('BAD_INPUT');
  });

  it('rejects absurd dimensions and durations with the limit in the message', () => {
    expect(rejection(probe([{ ...video, width: 20000, height: 20000 }, audio])).message).toContain('20000×20000');
    expect(rejection(probe([video, audio], { duration: String(7 * 3600), format_name: 'matroska,webm' })).message).toContain('limit is 6.0 h');
    expect(rejection(probe([video, audio], { duration: 'N/A', format_name: 'avi' })).message).toMatch(/no readable duration/);
  });

  it('rejects containers that are not video even when ffprobe finds a "video" stream', () => {
    // ffprobe reads a text file as ANSI art (tty demuxer) and a JPEG as a one-frame image2 video.
    expect(rejection(probe([{ ...video, codec_name: 'ansi' }], { duration: '0.3', format_name: 'tty' })).message).toMatch(/not a video/);
    expect(rejection(probe([{ ...video, codec_name: 'mjpeg' }], { duration: '0.04', format_name: 'image2' })).code).toBe('BAD_INPUT');
    expect(rejection(probe([video, audio], { duration: '1' })).code).toBe('BAD_INPUT');
  });

  it('rejects output that is not JSON', () => {
    expect(rejection('garbage').code).toBe('BAD_INPUT');
  });
});
