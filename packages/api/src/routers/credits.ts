import { z } from 'zod';
import { CREDIT_PACKS, DomainError, PLAN_IDS, PLANS, type BillingService, type CreditEntry } from '@clipforge/core';
import { memberProcedure, publicProcedure, router, sessionProcedure } from '../trpc.js';

const entryView = (e: CreditEntry) => ({
  id: e.id,
  type: e.type,
  amount: e.amount,
  balanceAfter: e.balanceAfter,
  projectId: e.projectId,
  note: e.note,
  createdAt: e.createdAt.toISOString(),
});

export type CreditEntryView = ReturnType<typeof entryView>;

export const creditsRouter = router({
  /** The organization's balance and plan (the trial grant is made on first read). */
  balance: memberProcedure.query(async ({ ctx }) => {
    const account = await ctx.credits.account(ctx.actor.orgId);
    return {
      balance: account.balance,
      plan: PLANS[account.plan],
      trialEndsAt: account.trialEndsAt?.toISOString() ?? null,
      billing: ctx.billing ? ('on' as const) : ('off' as const),
    };
  }),

  /** What importing a video of this length costs, before the upload starts. */
  estimate: memberProcedure
    .input(z.object({ durationSec: z.number().positive().max(48 * 3600) }))
    .query(({ ctx, input }) => ctx.credits.estimate(ctx.actor, input.durationSec)),

  /** Ledger entries, newest first. */
  history: memberProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20), cursor: z.string().max(200).nullish() }).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const page = await ctx.credits.history(ctx.actor, { limit: input.limit, cursor: input.cursor ?? null });
      return { items: page.items.map(entryView), nextCursor: page.nextCursor };
    }),

  /** A Stripe Checkout page for a credit pack; answers with its URL. */
  buy: sessionProcedure
    .input(z.object({ credits: z.number().int().refine((n) => CREDIT_PACKS.some((p) => p.credits === n), 'not one of the credit packs') }))
    .mutation(({ ctx, input }) => billingOf(ctx.billing).buyCredits(ctx.actor, input.credits)),

  /** A Stripe Checkout page for a monthly plan. */
  subscribe: sessionProcedure
    .input(z.object({ plan: z.enum(PLAN_IDS) }))
    .mutation(({ ctx, input }) => billingOf(ctx.billing).subscribe(ctx.actor, input.plan)),

  /** The Stripe Customer Portal: invoices, payment method, change or cancel the plan. */
  portal: sessionProcedure.mutation(({ ctx }) => billingOf(ctx.billing).portal(ctx.actor)),

  packs: publicProcedure.query(() => CREDIT_PACKS),

  /** Pricing, from the one source the rest of the product uses. */
  plans: publicProcedure.query(({ ctx }) => ctx.credits.plans()),
});

function billingOf(billing: BillingService | null): BillingService {
  if (!billing) throw new DomainError('UNAVAILABLE', 'Billing is off on this server: ask your operator to set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.');
  return billing;
}
