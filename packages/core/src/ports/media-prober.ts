import type { VideoMetadata } from '../project.js';

export interface MediaTools {
  /** Rejects with DomainError('BAD_INPUT', reason) when the file is not a usable video. */
  probe(filePath: string): Promise<VideoMetadata>;
  /** Writes a JPEG poster frame from around `atSec` to `outPath`. */
  poster(filePath: string, outPath: string, atSec: number): Promise<void>;
}
