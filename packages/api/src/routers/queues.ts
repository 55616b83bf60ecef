import { z } from 'zod';
import { adminProcedure, router } from '../trpc.js';

const queue = z.string().min(1).max(64);

/** Job monitoring for operators: counts per queue, and one job's state, progress and failures. */
export const queuesRouter = router({
  metrics: adminProcedure.query(({ ctx }) => ctx.queues.all()),
  queue: adminProcedure.input(z.object({ queue })).query(({ ctx, input }) => ctx.queues.one(input.queue)),
  job: adminProcedure
    .input(z.object({ queue, jobId: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => ctx.queues.job(input.queue, input.jobId)),
});
