import { runBench } from '../bench.mjs';

/** `npm run bench:http`: raw node:http vs /health/live vs tRPC, see perf/README.md. */
export const main = () => runBench(async () => (await import('../../../perf/bench-http.mjs')).benchHttp);
