// The piscina thread entry: pure scoring, no I/O. Each thread keeps the analyses of the last few
// transcripts it saw, so re-scoring the same video with new steering skips the NLP pass.
import type { MomentCandidate, ScoringInput, ScoringResult } from '@clipforge/core';
import { analyze, rank, scoreClip, type Analysis } from './score-moments.js';

export type ScoringTask =
  | { kind: 'score'; cacheKey: string | null; input: ScoringInput }
  | { kind: 'score-clip'; cacheKey: string | null; input: ScoringInput; startMs: number; endMs: number };

export interface ScoringTaskResult {
  result: ScoringResult | MomentCandidate | null;
  /** Worker-thread CPU time of the task, for benchmarks and logs. */
  cpuMs: number;
  cached: boolean;
}

const CACHE_SIZE = 8;
const cache = new Map<string, Analysis>();

function analysisFor(task: ScoringTask): { analysis: Analysis; cached: boolean } {
  const hit = task.cacheKey ? cache.get(task.cacheKey) : undefined;
  if (hit) {
    cache.delete(task.cacheKey!);
    cache.set(task.cacheKey!, hit);
    return { analysis: hit, cached: true };
  }
  const analysis = analyze(task.input);
  if (task.cacheKey) {
    cache.set(task.cacheKey, analysis);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return { analysis, cached: false };
}

// This thread's own CPU time (Node ≥ 23.9); process.cpuUsage() would count every thread.
const threadCpu = () => process.threadCpuUsage();

export default function runScoringTask(task: ScoringTask): ScoringTaskResult {
  const cpuStart = threadCpu();
  const { analysis, cached } = analysisFor(task);
  const result =
    task.kind === 'score' ? rank(analysis, task.input.steering) : scoreClip(analysis, task.input.steering, task.startMs, task.endMs);
  const cpu = threadCpu();
  return { result, cpuMs: (cpu.user - cpuStart.user + cpu.system - cpuStart.system) / 1000, cached };
}
