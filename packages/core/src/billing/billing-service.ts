import { PLANS } from '../credits/plans.js';
import type { CreditService } from '../credits/credit-service.js';
import type { BillingEvent, BillingStore } from './billing.js';

export interface BillingServiceDeps {
  store: BillingStore;
  credits: CreditService;
}

/**
 * Applies payment events. Safe under duplicates (event ids remembered, every effect keyed) and
 * out-of-order delivery (plan changes carry the event's time and never overwrite a newer one).
 */
export class BillingService {
  constructor(private readonly deps: BillingServiceDeps) {}

  async handle(event: BillingEvent): Promise<'applied' | 'duplicate'> {
    if (await this.deps.store.seen(event.eventId)) return 'duplicate';
    await this.apply(event);
    await this.deps.store.remember(event.eventId, event.kind);
    return 'applied';
  }

  private async apply(event: BillingEvent) {
    switch (event.kind) {
      case 'credits-purchased':
        await this.deps.credits.account(event.orgId);
        await this.deps.credits.apply(event.orgId, {
          type: 'purchase',
          amount: event.credits,
          idempotencyKey: `checkout:${event.checkoutId}`,
          note: `Bought ${event.credits} credits`,
        });
        return;
      case 'invoice-paid':
        // Each paid period grants the plan's monthly credits once (keyed by invoice).
        await this.deps.credits.account(event.orgId);
        await this.deps.store.setPlanIfNewer(event.orgId, event.plan, event.at);
        await this.deps.credits.apply(event.orgId, {
          type: 'grant',
          amount: PLANS[event.plan].monthlyCredits,
          idempotencyKey: `invoice:${event.invoiceId}`,
          note: `${PLANS[event.plan].name} plan: monthly credits`,
        });
        await this.deps.credits.forget(event.orgId);
        return;
      case 'subscription-changed':
        await this.deps.credits.account(event.orgId);
        await this.deps.store.setPlanIfNewer(event.orgId, event.active ? event.plan : 'FREE', event.at);
        await this.deps.credits.forget(event.orgId);
        return;
      case 'subscription-ended':
        // Stripe ends a cancelled subscription at the end of its paid period: downgrade then.
        await this.deps.credits.account(event.orgId);
        await this.deps.store.setPlanIfNewer(event.orgId, 'FREE', event.at);
        await this.deps.credits.forget(event.orgId);
        return;
      case 'payment-failed':
      case 'ignored':
        return; // remembered only (the lifecycle emails issue mails the failure)
    }
  }
}
