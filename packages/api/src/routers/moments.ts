import { z } from 'zod';
import { LENGTH_PRESETS, PLATFORM_PRESETS, type Moment, type ProjectMoments } from '@clipforge/core';
import { memberProcedure, router } from '../trpc.js';

const projectId = z.uuid('must be a project id');
const ms = z.number().int().min(0).max(48 * 3600 * 1000);

/** What users steer scoring with; bounded so one request cannot make scoring do unbounded work. */
const steering = z
  .object({
    keywords: z.array(z.string().trim().min(1).max(60)).max(20, 'at most 20 keywords').optional(),
    excludeRanges: z
      .array(z.object({ startMs: ms, endMs: ms }).refine((r) => r.endMs > r.startMs, 'an excluded range must end after it starts'))
      .max(50, 'at most 50 excluded ranges')
      .optional(),
    count: z.number().int().min(1).max(30).optional(),
    length: z
      .union([
        z.enum(LENGTH_PRESETS),
        z
          .object({ minSec: z.number().min(5).max(600), maxSec: z.number().min(5).max(600) })
          .refine((l) => l.maxSec >= l.minSec, 'the longest length must be at least the shortest'),
      ])
      .optional(),
    platform: z.enum(PLATFORM_PRESETS).optional(),
  })
  .strict();

/** Dates as ISO strings: what JSON actually carries. */
const momentView = (m: Moment) => ({ ...m, createdAt: m.createdAt.toISOString() });
const toView = ({ analysis, moments }: ProjectMoments) => ({
  analysis: analysis && { ...analysis, updatedAt: analysis.updatedAt.toISOString() },
  moments: moments.map(momentView),
});

export type MomentView = ReturnType<typeof momentView>;
export type MomentsView = ReturnType<typeof toView>;

export const momentsRouter = router({
  /** The project's moments (best first), the stage's state, its note to the user and the score timeline. */
  list: memberProcedure.input(z.object({ projectId })).query(async ({ ctx, input }) => toView(await ctx.moments.get(ctx.actor, input.projectId))),

  /** Scores again with new steering; answers from a thread pool without blocking the server. */
  rescore: memberProcedure
    .input(z.object({ projectId, steering }))
    .mutation(async ({ ctx, input }) => toView(await ctx.moments.rescore(ctx.actor, input.projectId, input.steering))),

  /** Moves a moment's edges; they snap to word boundaries and the moment is scored again. */
  trim: memberProcedure
    .input(z.object({ momentId: z.uuid('must be a moment id'), startMs: ms, endMs: ms }))
    .mutation(async ({ ctx, input }) => momentView(await ctx.moments.trim(ctx.actor, input.momentId, input.startMs, input.endMs))),
});
