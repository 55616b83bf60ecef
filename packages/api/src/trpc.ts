import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { isDomainError, type DomainErrorCode } from '@clipforge/core';
import type { ApiContext } from './context.js';

const t = initTRPC.context<ApiContext>().create({
  isDev: false,
  // Pings keep idle SSE streams under the server's 30 s inactivity timeout.
  sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 25_000 } },
  errorFormatter({ shape, error, ctx }) {
    const validation = error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError ? error.cause.issues : null;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: internal
        ? `Something went wrong on our side. Try again; if it keeps failing, report request id ${ctx?.requestId ?? 'unknown'}.`
        : validation
          ? `Invalid input: ${validation.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`
          : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, validation },
    };
  },
});

const TRPC_CODE: Record<DomainErrorCode, TRPCError['code']> = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  PAYMENT_REQUIRED: 'PAYMENT_REQUIRED',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

/** The one place domain errors become tRPC errors (and so HTTP statuses). */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);

/**
 * Signed in (or an API token) and acting for an organization; handlers get a non-null `actor`.
 * A token needs the `read` scope for queries and subscriptions and `write` for mutations.
 */
export const memberProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  const actor = await ctx.getActor();
  if (!actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  const needed = type === 'mutation' ? 'write' : 'read';
  if (actor.token && !actor.token.scopes.includes(needed)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `This API token lacks the "${needed}" scope. Create a token with it under Settings → API tokens.` });
  }
  return next({ ctx: { ...ctx, actor } });
});

/** Only a signed-in person, never an API token: managing tokens, billing, operations. */
export const sessionProcedure = memberProcedure.use(({ ctx, next }) => {
  if (ctx.actor.token) throw new TRPCError({ code: 'FORBIDDEN', message: 'API tokens cannot do this: sign in to the web app instead.' });
  return next();
});

/** An operator listed in ADMIN_EMAILS. */
export const adminProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (!ctx.isAdmin(ctx.actor.email)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Only operators can see the job queues.' });
  return next();
});
