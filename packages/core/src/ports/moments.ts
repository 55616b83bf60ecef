import type { AudioFeatures, Moment, MomentAnalysis, MomentCandidate, MomentSteering, ScoringInput, ScoringResult } from '../moment.js';

export interface MomentRepository {
  findAnalysis(projectId: string): Promise<MomentAnalysis | null>;
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

/** Moment scoring, run off the event loop (a thread pool in practice). */
export interface MomentScorer {
  /** `cacheKey` names the transcript version, so a re-score can reuse its text analysis. */
  score(input: ScoringInput, cacheKey: string | null): Promise<{ result: ScoringResult; cpuMs: number }>;
  scoreClip(input: ScoringInput, startMs: number, endMs: number, cacheKey: string | null): Promise<MomentCandidate | null>;
}
