import { z } from 'zod';
import { ASPECTS, CAPTION_STYLES, FITS, type ClipExport } from '@clipforge/core';
import { memberProcedure, router } from '../trpc.js';
import type { ApiContext } from '../context.js';

const projectId = z.uuid('must be a project id');

/** Downloads are signed, expiring URLs; storage keys never leave the server. */
async function toView(clip: ClipExport, ctx: ApiContext) {
  const sign = async (key: string | null) => (key ? ctx.mediaUrl(key) : null);
  return {
    id: clip.id,
    status: clip.status,
    progress: clip.progress,
    failureReason: clip.failureReason,
    startMs: clip.startMs,
    endMs: clip.endMs,
    aspect: clip.aspect,
    fit: clip.fit,
    captionStyle: clip.captionStyle,
    videoUrl: await sign(clip.videoKey),
    srtUrl: await sign(clip.srtKey),
    vttUrl: await sign(clip.vttKey),
    createdAt: clip.createdAt.toISOString(),
  };
}

export type ExportView = Awaited<ReturnType<typeof toView>>;

export const exportsRouter = router({
  /** Renders a clip from start to end at an aspect ratio, with burned-in animated captions. */
  create: memberProcedure
    .input(
      z.object({
        projectId,
        startMs: z.number().int().min(0),
        endMs: z.number().int().positive(),
        aspect: z.enum(ASPECTS).default('9:16'),
        fit: z.enum(FITS).default('crop'),
        captionStyle: z.enum(CAPTION_STYLES).default('bold-pop'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { projectId: id, ...spec } = input;
      return toView(await ctx.exports.create(ctx.actor, id, spec), ctx);
    }),

  list: memberProcedure
    .input(z.object({ projectId }))
    .query(async ({ ctx, input }) => Promise.all((await ctx.exports.list(ctx.actor, input.projectId)).map((clip) => toView(clip, ctx)))),
});
