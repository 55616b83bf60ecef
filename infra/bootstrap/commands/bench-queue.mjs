import { runBench } from '../bench.mjs';

/** `npm run bench:queue`: raw bee-queue vs the project's queue layer, see perf/README.md. */
export const main = () => runBench(async () => (await import('../../../perf/bench-queue.mjs')).benchQueue);
