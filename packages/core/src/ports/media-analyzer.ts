import type { AudioFeatures } from '../moment.js';

/** Measures what moment scoring reads from the media itself. */
export interface MediaAnalyzer {
  /** Loudness over time and noise-like bursts (laughter, applause) of the extracted audio. */
  audioFeatures(audioPath: string): Promise<AudioFeatures>;
  /** Times of scene cuts in the video, in ms. */
  sceneCuts(videoPath: string): Promise<number[]>;
}
