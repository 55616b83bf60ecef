import { DomainError } from '../errors.js';
import { CREDIT_PACKS, PLANS, type PlanId } from '../credits/plans.js';
import type { CreditService } from '../credits/credit-service.js';
import type { EmailService } from '../email/email-service.js';
import type { BillingEvent, BillingStore, PaymentGateway } from './billing.js';

export interface BillingServiceDeps {
  store: BillingStore;
  credits: CreditService;
  gateway: PaymentGateway;
  /** Where the provider's pages send the user back (the Credits page). */
  returnUrl: string;
  /** Mails the organization's members when a payment fails; absent, failures are only recorded. */
  emails?: EmailService;
}

interface BillingActor {
  orgId: string;
  email: string;
}

/**
 * Applies payment events. Safe under duplicates (event ids remembered, every effect keyed) and
 * out-of-order delivery (plan changes carry the event's time and never overwrite a newer one).
 */
export class BillingService {
  constructor(private readonly deps: BillingServiceDeps) {}

  /** A hosted checkout for a credit pack. */
  async buyCredits(actor: BillingActor, credits: number) {
    const pack = CREDIT_PACKS.find((p) => p.credits === credits);
    if (!pack) throw new DomainError('BAD_INPUT', `Credits come in packs of ${CREDIT_PACKS.map((p) => p.credits).join(', ')}.`);
    const customerId = await this.deps.store.customerOf(actor.orgId);
    return this.deps.gateway.creditsCheckout({ orgId: actor.orgId, ...pack, customerId, email: actor.email, returnUrl: this.deps.returnUrl });
  }

  /** A hosted checkout for a monthly plan. */
  async subscribe(actor: BillingActor, plan: PlanId) {
    if (plan === 'FREE') throw new DomainError('BAD_INPUT', 'FREE needs no checkout: cancel the subscription in the billing portal instead.');
    const customerId = await this.deps.store.customerOf(actor.orgId);
    return this.deps.gateway.planCheckout({ orgId: actor.orgId, plan: PLANS[plan], customerId, email: actor.email, returnUrl: this.deps.returnUrl });
  }

  /** The provider's customer portal: invoices, payment method, cancel or change the plan. */
  async portal(actor: BillingActor) {
    const customerId = await this.deps.store.customerOf(actor.orgId);
    if (!customerId) throw new DomainError('CONFLICT', 'There is nothing to manage yet: buy credits or subscribe to a plan first.');
    return this.deps.gateway.portal({ customerId, returnUrl: this.deps.returnUrl });
  }

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
        if (event.customerId) await this.deps.store.rememberCustomer(event.orgId, event.customerId);
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
        if (event.customerId) await this.deps.store.rememberCustomer(event.orgId, event.customerId);
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
        // Once per failed invoice, whatever Stripe redelivers.
        await this.deps.emails?.requestForOrg(event.orgId, 'payment-failed', `invoice:${event.invoiceId}`, {});
        return;
      case 'ignored':
        return; // remembered only
    }
  }
}
