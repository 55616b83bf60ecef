import Stripe from 'stripe';
import { PLAN_IDS, type BillingEvent, type PlanId } from '@clipforge/core';

/** Five minutes, Stripe's own default: an older signed payload is refused as a replay. */
export const SIGNATURE_TOLERANCE_SEC = 300;

/**
 * Verifies a webhook with the Stripe SDK (signature and timestamp) and maps the event to the
 * product's terms. Checkout sessions and subscriptions carry `orgId` (and `plan`, `credits`) in
 * their metadata, set when ClipForge creates them.
 */
export class StripeWebhook {
  constructor(
    private readonly stripe: Stripe,
    private readonly webhookSecret: string,
  ) {}

  /** Throws Stripe's signature error for a forged, altered or stale payload. */
  verify(rawBody: Buffer, signature: string): Stripe.Event {
    return this.stripe.webhooks.constructEvent(rawBody, signature, this.webhookSecret, SIGNATURE_TOLERANCE_SEC);
  }
}

export function toBillingEvent(event: Stripe.Event): BillingEvent {
  const at = new Date(event.created * 1000);
  const ignored = (): BillingEvent => ({ kind: 'ignored', eventId: event.id, type: event.type });
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      const credits = Number(session.metadata?.credits);
      const orgId = session.metadata?.orgId;
      if (session.mode !== 'payment' || !orgId || !Number.isInteger(credits) || credits <= 0) return ignored();
      return { kind: 'credits-purchased', eventId: event.id, orgId, credits, checkoutId: session.id, customerId: idOf(session.customer) };
    }
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const invoice = event.data.object;
      const metadata = subscriptionMetadataOf(invoice);
      const orgId = metadata.orgId;
      if (!orgId || !invoice.id) return ignored();
      if (event.type === 'invoice.payment_failed') return { kind: 'payment-failed', eventId: event.id, orgId, invoiceId: invoice.id };
      const plan = planOf(metadata.plan);
      return plan ? { kind: 'invoice-paid', eventId: event.id, orgId, plan, invoiceId: invoice.id, at } : ignored();
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated': {
      const subscription = event.data.object;
      const orgId = subscription.metadata?.orgId;
      const plan = planOf(subscription.metadata?.plan);
      if (!orgId || !plan) return ignored();
      const active = subscription.status === 'active' || subscription.status === 'trialing' || subscription.status === 'past_due';
      return { kind: 'subscription-changed', eventId: event.id, orgId, plan, active, at, customerId: idOf(subscription.customer) };
    }
    case 'customer.subscription.deleted': {
      const orgId = event.data.object.metadata?.orgId;
      return orgId ? { kind: 'subscription-ended', eventId: event.id, orgId, at } : ignored();
    }
    default:
      return ignored();
  }
}

/** Invoices carry their subscription's metadata (where depends on the API version). */
function subscriptionMetadataOf(invoice: Stripe.Invoice): Record<string, string> {
  const loose = invoice as unknown as {
    parent?: { subscription_details?: { metadata?: Record<string, string> } };
    subscription_details?: { metadata?: Record<string, string> };
  };
  return { ...invoice.metadata, ...loose.subscription_details?.metadata, ...loose.parent?.subscription_details?.metadata };
}

const planOf = (value: string | undefined): PlanId | null => (PLAN_IDS as readonly string[]).includes(value ?? '') ? (value as PlanId) : null;

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));
