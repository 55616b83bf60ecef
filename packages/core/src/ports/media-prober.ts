import type { SpriteLayout, VideoMetadata } from '../project.js';

export interface MediaTools {
  /** Rejects with DomainError('BAD_INPUT', reason) when the file is not a usable video. */
  probe(filePath: string): Promise<VideoMetadata>;
  /** Writes a JPEG poster frame from around `atSec` to `outPath`. */
  poster(filePath: string, outPath: string, atSec: number): Promise<void>;
  /** Writes the audio as 16 kHz mono FLAC; BAD_INPUT when the file turns out cut short. */
  extractAudio(filePath: string, outPath: string): Promise<void>;
  /** Writes a JPEG grid of evenly spaced frames and returns its layout. */
  sprite(filePath: string, outPath: string, durationSec: number): Promise<SpriteLayout>;
}
