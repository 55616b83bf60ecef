import { z } from 'zod';
import type { Project } from '@clipforge/core';
import { memberProcedure, router } from '../trpc.js';
import type { ApiContext } from '../context.js';

const projectId = z.object({ id: z.uuid('must be a project id') });

/** What clients see of a project: no storage keys, a signed poster URL, ISO dates. */
async function toView(project: Project, ctx: ApiContext) {
  return {
    id: project.id,
    name: project.name,
    status: project.status,
    stage: project.stage,
    progress: project.progress,
    failureReason: project.failureReason,
    metadata: project.metadata,
    posterUrl: project.posterKey ? await ctx.mediaUrl(project.posterKey) : null,
    /** The source video, for playing moments in the browser (signed, with HTTP Range). */
    videoUrl: project.status === 'ready' ? await ctx.mediaUrl(project.sourceKey) : null,
    sprite: project.spriteKey && project.sprite ? { url: await ctx.mediaUrl(project.spriteKey), ...project.sprite } : null,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}

export type ProjectView = Awaited<ReturnType<typeof toView>>;

export const projectsRouter = router({
  list: memberProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20), cursor: z.string().max(200).nullish() }).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const page = await ctx.projects.list(ctx.actor, { limit: input.limit, cursor: input.cursor ?? null });
      return { items: await Promise.all(page.items.map((p) => toView(p, ctx))), nextCursor: page.nextCursor };
    }),

  /** Import from a direct link to a video file; where the link points is checked when fetched. */
  importUrl: memberProcedure
    .input(z.object({ url: z.string().trim().min(1, 'paste a link').max(2048, 'links are at most 2048 characters') }))
    .mutation(async ({ ctx, input }) => toView(await ctx.projects.createFromUrl(ctx.actor, input.url), ctx)),

  get: memberProcedure.input(projectId).query(async ({ ctx, input }) => toView(await ctx.projects.get(ctx.actor, input.id), ctx)),

  rename: memberProcedure
    .input(projectId.extend({ name: z.string().min(1).max(120) }))
    .mutation(async ({ ctx, input }) => toView(await ctx.projects.rename(ctx.actor, input.id, input.name), ctx)),

  delete: memberProcedure.input(projectId).mutation(async ({ ctx, input }) => {
    await ctx.projects.delete(ctx.actor, input.id);
    return { id: input.id, deleted: true as const };
  }),

  /** Live progress over SSE: the current state first, then each change until ready or failed. */
  onProgress: memberProcedure
    .input(projectId)
    .subscription(({ ctx, input, signal }) => ctx.projects.watchProgress(ctx.actor, input.id, signal)),
});
