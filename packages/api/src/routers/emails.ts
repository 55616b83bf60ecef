import { z } from 'zod';
import { LIFECYCLE_EMAIL_KINDS, type OutboxMail } from '@clipforge/core';
import { router, sessionProcedure } from '../trpc.js';

const kindToggles = z.partialRecord(z.enum(LIFECYCLE_EMAIL_KINDS), z.boolean());

/** A person's own mail and mail settings: signed-in sessions only, never API tokens. */
export const emailsRouter = router({
  /** Which lifecycle mails the user gets, and the time zone their weekly summary follows. */
  settings: sessionProcedure.query(({ ctx }) => ctx.emails.get(ctx.actor)),

  updateSettings: sessionProcedure
    .input(z.object({ timeZone: z.string().min(1).max(64).optional(), kinds: kindToggles.optional() }))
    .mutation(({ ctx, input }) => ctx.emails.update(ctx.actor, input)),

  /** The dev outbox: the signed-in user's mails, newest first (`off` when Resend sends them). */
  outbox: sessionProcedure.query(async ({ ctx }) => {
    if (!ctx.emails.outboxInUse()) return { outbox: 'off' as const, mails: [] };
    const mails = await ctx.emails.listOutbox(ctx.actor);
    return { outbox: 'on' as const, mails: mails.map((m) => ({ id: m.id, kind: m.kind, to: m.to, subject: m.subject, createdAt: m.createdAt.toISOString() })) };
  }),

  /** One outbox mail in full: HTML (shown in a sandboxed frame), text and headers. */
  outboxMail: sessionProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => mailView(await ctx.emails.outboxMail(ctx.actor, input.id))),
});

const mailView = (m: OutboxMail) => ({ id: m.id, kind: m.kind, to: m.to, subject: m.subject, html: m.html, text: m.text, headers: m.headers, createdAt: m.createdAt.toISOString() });
