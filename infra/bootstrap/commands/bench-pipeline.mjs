import { runBench } from '../bench.mjs';

/** `npm run bench:pipeline`: a 10-minute talk through the whole pipeline, see perf/README.md. */
export const main = () => runBench(async () => (await import('../../../perf/bench-pipeline.mjs')).benchPipeline);
