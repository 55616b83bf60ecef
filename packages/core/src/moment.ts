import type { Word } from './transcript.js';

/** The parts of a moment's score, each 0–100. */
export interface SubScores {
  /** Does the first few seconds make a viewer stay: a question, a number, a bold or contrarian claim. */
  hook: number;
  /** Feeling: sentiment strength, exclamations, laughter-like bursts. */
  emotion: number;
  /** Substance: figures, names, advice and explanations, on-topic vocabulary. */
  value: number;
  /** Delivery: speech rate, loudness and cuts against the video's own average. */
  energy: number;
  /** Makes sense alone: no reference back to unseen context, one topic, ends on a complete thought. */
  standalone: number;
}

export const SUB_SCORE_NAMES = ['hook', 'emotion', 'value', 'energy', 'standalone'] as const satisfies readonly (keyof SubScores)[];

export const PLATFORM_PRESETS = ['tiktok', 'shorts', 'reels', 'linkedin'] as const;
export type PlatformPreset = (typeof PLATFORM_PRESETS)[number];

export const LENGTH_PRESETS = ['15-30', '30-60', '60-90'] as const;
export type LengthPreset = (typeof LENGTH_PRESETS)[number];

export interface TimeRange {
  startMs: number;
  endMs: number;
}

/** What the user steers scoring with; every field optional, defaults come from the preset. */
export interface MomentSteering {
  /** Words or phrases to favour (matched case-insensitively on whole words). */
  keywords?: string[];
  /** Parts of the video never to clip. */
  excludeRanges?: TimeRange[];
  /** How many moments to return (1–30). */
  count?: number;
  /** Clip length: a preset or a custom range in seconds. */
  length?: LengthPreset | { minSec: number; maxSec: number };
  platform?: PlatformPreset;
}

/** Loudness per fixed window of the source audio, from ffmpeg's ebur128 meter. */
export interface AudioFeatures {
  windowMs: number;
  /** Momentary loudness in LUFS per window; quiet windows read about -70. */
  loudness: number[];
  /** Short loud bursts with no words under them: laughter, applause, cheering. */
  bursts: TimeRange[];
}

export interface VisualFeatures {
  /** Scene cuts, in ms from the start (ffmpeg scdet). */
  sceneCutsMs: number[];
}

/** What scoring reads about a video, apart from the user's steering. */
export interface ScoringMaterial {
  words: Word[];
  durationMs: number;
  audio?: AudioFeatures | null;
  visual?: VisualFeatures | null;
}

export interface ScoringInput extends ScoringMaterial {
  steering?: MomentSteering;
}

/** The stage's measurements that re-scoring reuses. */
export interface MediaFeatures {
  audio: AudioFeatures | null;
  sceneCutsMs: number[] | null;
}

/** A clip worth posting, as the scorer proposes it. */
export interface MomentCandidate {
  startMs: number;
  endMs: number;
  /** Index of the first and last transcript word inside the clip. */
  firstWord: number;
  lastWord: number;
  score: number;
  subScores: SubScores;
  /** Plain-language reason naming the signals that drove the score. */
  reason: string;
  /** Set when the clip leans on something said before it, naming what is missing. */
  missingContext: string | null;
  /** The clip's opening words, as a working title. */
  title: string;
}

/** A point of the score-over-time chart: how strong the best clip around this time is. */
export interface ScorePoint {
  atMs: number;
  score: number;
}

export interface ScoringResult {
  moments: MomentCandidate[];
  /** Why there are no (or fewer) moments, in words the user can act on; null when all is well. */
  message: string | null;
  timeline: ScorePoint[];
  /** The effective settings after presets were applied, for the UI to show. */
  settings: { count: number; minSec: number; maxSec: number; platform: PlatformPreset | null };
}

/** A stored moment of a project. */
export interface Moment extends MomentCandidate {
  id: string;
  projectId: string;
  rank: number;
  /** True once the user moved its edges by hand. */
  trimmed: boolean;
  createdAt: Date;
}

export const ANALYSIS_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

/** The clip-detection stage's state for one project, and what re-scoring reuses. */
export interface MomentAnalysis {
  projectId: string;
  status: AnalysisStatus;
  progress: number;
  failureReason: string | null;
  /** The scorer's note to the user (no speech, exclusions cover everything…), or null. */
  message: string | null;
  steering: MomentSteering;
  timeline: ScorePoint[];
  settings: ScoringResult['settings'] | null;
  updatedAt: Date;
}
