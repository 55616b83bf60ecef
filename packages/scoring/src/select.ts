import type { Candidate } from './candidates.js';
import type { ScoringContext } from './context.js';

// Each moment already taken from a topic costs later ones from the same topic this many points,
// so the top N spread across the video instead of clustering in its best stretch.
const SAME_TOPIC_PENALTY = 8;

/** Picks up to `count` non-overlapping candidates, best first, kept diverse across topics. */
export function selectMoments(ctx: ScoringContext, candidates: Candidate[], count: number): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.startMs - b.startMs);
  const alive = new Uint8Array(sorted.length).fill(1);
  const takenPerTopic = new Map<number, number>();
  const picked: Candidate[] = [];
  while (picked.length < count) {
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < sorted.length; c++) {
      if (!alive[c]) continue;
      // Sorted by raw score and penalties only subtract: nothing further down can win.
      if (sorted[c]!.score <= bestScore) break;
      const adjusted = sorted[c]!.score - SAME_TOPIC_PENALTY * (takenPerTopic.get(topicOf(ctx, sorted[c]!)) ?? 0);
      if (adjusted > bestScore) {
        bestScore = adjusted;
        best = c;
      }
    }
    if (best < 0) break;
    const choice = sorted[best]!;
    picked.push(choice);
    takenPerTopic.set(topicOf(ctx, choice), (takenPerTopic.get(topicOf(ctx, choice)) ?? 0) + 1);
    for (let c = 0; c < sorted.length; c++) {
      if (alive[c] && sorted[c]!.startMs < choice.endMs && sorted[c]!.endMs > choice.startMs) alive[c] = 0;
    }
  }
  return picked;
}

const topicOf = (ctx: ScoringContext, c: Candidate) => ctx.sentences[c.i]!.topic;
