// The piscina thread entry: pure scoring, no I/O. Each thread keeps the analyses of the last few
// transcripts it saw, so re-scoring the same video with new steering skips the NLP pass and the
// caller need not even send the words.
import type { MomentCandidate, MomentSteering, ScoringMaterial, ScoringResult } from '@clipforge/core';
import { analyze, rank, scoreClip, type Analysis } from './score-moments.js';

export interface ScoringTask {
  kind: 'score' | 'score-clip';
  cacheKey: string | null;
  steering: MomentSteering;
  /** Null asks the thread to use its cached analysis; it answers `missing` if it has none. */
  material: ScoringMaterial | null;
  startMs?: number;
  endMs?: number;
}

export type ScoringTaskResult =
  | { missing: true }
  | {
      missing: false;
      result: ScoringResult | MomentCandidate | null;
      /** This thread's CPU time for the task, for benchmarks and logs. */
      cpuMs: number;
      cached: boolean;
    };

const CACHE_SIZE = 8;
const cache = new Map<string, Analysis>();

function cachedAnalysis(key: string | null) {
  const hit = key ? cache.get(key) : undefined;
  if (hit) {
    cache.delete(key!);
    cache.set(key!, hit);
  }
  return hit;
}

function remember(key: string | null, analysis: Analysis) {
  if (!key) return;
  cache.set(key, analysis);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

export default function runScoringTask(task: ScoringTask): ScoringTaskResult {
  // This thread's own CPU time (Node ≥ 23.9); process.cpuUsage() would count every thread.
  const cpuStart = process.threadCpuUsage();
  let analysis = cachedAnalysis(task.cacheKey);
  const cached = Boolean(analysis);
  if (!analysis) {
    if (!task.material) return { missing: true };
    analysis = analyze(task.material);
    remember(task.cacheKey, analysis);
  }
  const result =
    task.kind === 'score' ? rank(analysis, task.steering) : scoreClip(analysis, task.steering, task.startMs ?? 0, task.endMs ?? 0);
  const cpu = process.threadCpuUsage(cpuStart);
  return { missing: false, result, cpuMs: (cpu.user + cpu.system) / 1000, cached };
}
