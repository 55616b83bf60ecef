import { z } from 'zod';
import { API_SCOPES, type ApiToken } from '@clipforge/core';
import { router, sessionProcedure } from '../trpc.js';

const tokenView = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  createdByEmail: t.createdByEmail,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export type ApiTokenView = ReturnType<typeof tokenView>;

/** The organization's API tokens. Managed by signed-in members only: a token cannot mint tokens. */
export const tokensRouter = router({
  list: sessionProcedure.query(async ({ ctx }) => (await ctx.tokens.list(ctx.actor)).map(tokenView)),

  /** Answers the secret once; only its hash is kept. */
  create: sessionProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, 'give the token a name').max(60),
        scopes: z.array(z.enum(API_SCOPES)).min(1, 'pick at least one scope').max(API_SCOPES.length),
        expiresInDays: z.number().int().min(1).max(365).nullable().default(90),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { secret, token } = await ctx.tokens.create(ctx.actor, input);
      return { secret, token: tokenView(token) };
    }),

  revoke: sessionProcedure.input(z.object({ id: z.uuid('must be a token id') })).mutation(async ({ ctx, input }) => {
    await ctx.tokens.revoke(ctx.actor, input.id);
    return { revoked: true };
  }),
});
