import type { Plan, PlanId } from '../credits/plans.js';

/**
 * What the payment provider told us, in the product's terms (the Stripe adapter maps its events
 * to these). `at` is when the provider created the event: state changes apply only if newer than
 * the last one applied, so out-of-order delivery cannot roll a plan back.
 */
export type BillingEvent =
  | { kind: 'credits-purchased'; eventId: string; orgId: string; credits: number; checkoutId: string; customerId: string | null }
  | { kind: 'invoice-paid'; eventId: string; orgId: string; plan: PlanId; invoiceId: string; at: Date }
  | { kind: 'payment-failed'; eventId: string; orgId: string; invoiceId: string }
  | { kind: 'subscription-changed'; eventId: string; orgId: string; plan: PlanId; active: boolean; at: Date; customerId: string | null }
  | { kind: 'subscription-ended'; eventId: string; orgId: string; at: Date }
  | { kind: 'ignored'; eventId: string; type: string };

export interface BillingStore {
  /** True if this provider event was already handled. */
  seen(eventId: string): Promise<boolean>;
  /** Records the event as handled (after its effects, which are idempotent on their own). */
  remember(eventId: string, type: string): Promise<void>;
  /** Sets the organization's plan unless a newer plan change was applied already. */
  setPlanIfNewer(orgId: string, plan: PlanId, at: Date): Promise<boolean>;
  /** The provider's customer for the organization, once a checkout has made one. */
  customerOf(orgId: string): Promise<string | null>;
  rememberCustomer(orgId: string, customerId: string): Promise<void>;
}

/** Hosted payment pages of the provider. */
export interface PaymentGateway {
  creditsCheckout(input: { orgId: string; credits: number; priceCents: number; customerId: string | null; email: string; returnUrl: string }): Promise<{ url: string }>;
  planCheckout(input: { orgId: string; plan: Plan; customerId: string | null; email: string; returnUrl: string }): Promise<{ url: string }>;
  portal(input: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
}
