import { z } from 'zod';
import type { Transcript } from '@clipforge/core';
import { memberProcedure, router } from '../trpc.js';

const projectId = z.uuid('must be a project id');

function toView(transcript: Transcript | null) {
  if (!transcript) return null;
  return {
    status: transcript.status,
    progress: transcript.progress,
    engine: transcript.engine,
    failureReason: transcript.failureReason,
    words: transcript.words,
    editedAt: transcript.editedAt?.toISOString() ?? null,
  };
}

export type TranscriptView = NonNullable<ReturnType<typeof toView>>;

/** A project's transcript: read it, correct words (timings kept), or give it a caption file. */
export const transcriptsRouter = router({
  get: memberProcedure.input(z.object({ projectId })).query(async ({ ctx, input }) => toView(await ctx.transcripts.get(ctx.actor, input.projectId))),

  edit: memberProcedure
    .input(
      z.object({
        projectId,
        edits: z.array(z.object({ index: z.number().int().min(0), text: z.string().max(200) })).min(1).max(5000),
      }),
    )
    .mutation(async ({ ctx, input }) => toView(await ctx.transcripts.edit(ctx.actor, input.projectId, input.edits))),

  attachCaptions: memberProcedure
    .input(z.object({ projectId, content: z.string().min(1, 'the caption file is empty').max(5 * 1024 * 1024, 'caption files can be at most 5 MB') }))
    .mutation(async ({ ctx, input }) => {
      await ctx.transcripts.attachCaptions(ctx.actor, input.projectId, input.content);
      return { queued: true as const };
    }),
});
