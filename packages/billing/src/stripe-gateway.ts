import Stripe from 'stripe';
import type { PaymentGateway } from '@clipforge/core';

/** Where the SDK talks to: Stripe itself, or (STRIPE_API_URL) a stripe-mock or test server. */
export function stripeClient(secretKey: string, apiUrl?: string) {
  if (!apiUrl) return new Stripe(secretKey);
  const url = new URL(apiUrl);
  return new Stripe(secretKey, { host: url.hostname, port: Number(url.port) || undefined, protocol: url.protocol.replace(':', '') as 'http' | 'https' });
}

/**
 * Stripe Checkout for credit packs (one-off payments) and plans (monthly subscriptions), and the
 * Customer Portal. The organization rides along in metadata, which the webhook reads back.
 */
export class StripeGateway implements PaymentGateway {
  constructor(private readonly stripe: Stripe) {}

  async creditsCheckout(input: Parameters<PaymentGateway['creditsCheckout']>[0]) {
    const session = await this.stripe.checkout.sessions.create({
      mode: 'payment',
      ...this.customer(input.customerId, input.email),
      line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: input.priceCents, product_data: { name: `${input.credits} ClipForge credits` } } }],
      metadata: { orgId: input.orgId, credits: String(input.credits) },
      success_url: `${input.returnUrl}?checkout=success`,
      cancel_url: `${input.returnUrl}?checkout=cancelled`,
    });
    return { url: session.url! };
  }

  async planCheckout(input: Parameters<PaymentGateway['planCheckout']>[0]) {
    const session = await this.stripe.checkout.sessions.create({
      mode: 'subscription',
      ...this.customer(input.customerId, input.email),
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'usd', unit_amount: input.plan.priceCents, recurring: { interval: 'month' }, product_data: { name: `ClipForge ${input.plan.name}` } },
        },
      ],
      subscription_data: { metadata: { orgId: input.orgId, plan: input.plan.id } },
      metadata: { orgId: input.orgId, plan: input.plan.id },
      success_url: `${input.returnUrl}?checkout=success`,
      cancel_url: `${input.returnUrl}?checkout=cancelled`,
    });
    return { url: session.url! };
  }

  async portal(input: Parameters<PaymentGateway['portal']>[0]) {
    const session = await this.stripe.billingPortal.sessions.create({ customer: input.customerId, return_url: input.returnUrl });
    return { url: session.url };
  }

  /** An existing customer is reused; otherwise Stripe creates one from the email. */
  private customer(customerId: string | null, email: string) {
    return customerId ? { customer: customerId } : { customer_email: email };
  }
}
