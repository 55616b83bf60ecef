import type { AudioFeatures, MediaFeatures, Moment, MomentAnalysis, MomentCandidate, MomentSteering, ScoringMaterial, ScoringResult } from '../moment.js';

export interface MomentRepository {
  /** The stage's state and steering, without the (larger) media measurements. */
  findAnalysis(projectId: string): Promise<MomentAnalysis | null>;
  findFeatures(projectId: string): Promise<MediaFeatures | null>;
  /** Creates the analysis row as running (or resets its progress), keeping the user's steering. */
  startAnalysis(projectId: string): Promise<void>;
  setProgress(projectId: string, progress: number): Promise<void>;
  saveFeatures(projectId: string, audio: AudioFeatures | null, sceneCutsMs: number[] | null): Promise<void>;
  /** Replaces the project's moments with `result` in one transaction and marks the analysis ready. */
  saveResult(projectId: string, steering: MomentSteering, result: ScoringResult): Promise<Moment[]>;
  markFailed(projectId: string, reason: string): Promise<void>;
  /** Best first. */
  list(projectId: string): Promise<Moment[]>;
  find(momentId: string): Promise<Moment | null>;
  /** A user's trim: new edges and the scores that go with them. */
  replace(momentId: string, candidate: MomentCandidate): Promise<Moment>;
}

export interface ScoringRequest {
  /** Names the transcript version; a scorer that has analysed it does not need `load`. */
  cacheKey: string | null;
  steering: MomentSteering;
  /** Fetches words and measurements, only when no cached analysis can serve the request. */
  load: () => Promise<ScoringMaterial>;
}

/** Moment scoring, run off the event loop (a thread pool in practice). */
export interface MomentScorer {
  score(request: ScoringRequest): Promise<{ result: ScoringResult; cpuMs: number }>;
  scoreClip(request: ScoringRequest, startMs: number, endMs: number): Promise<MomentCandidate | null>;
}
