import { runBench } from '../bench.mjs';

/** `npm run bench:api`: credits.balance (session, limiter, cache) vs stock tRPC and raw node:http, see perf/README.md. */
export const main = () => runBench(async () => (await import('../../../perf/bench-api.mjs')).benchApi);
