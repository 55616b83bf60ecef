import { publicProcedure, router } from '../trpc.js';

export const systemRouter = router({
  /** A trivial query: the benchmark's measure of the tRPC path itself. */
  ping: publicProcedure.query(() => ({ pong: true as const })),
});
