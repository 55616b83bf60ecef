import { runBench } from '../bench.mjs';

/** `npm run bench:scoring`: scoring CPU and event-loop delay under re-scores, see perf/README.md. */
export const main = () => runBench(async () => (await import('../../../perf/bench-scoring.mjs')).benchScoring);
