export { StripeWebhook, toBillingEvent, SIGNATURE_TOLERANCE_SEC } from './stripe-events.js';
export { StripeGateway, stripeClient } from './stripe-gateway.js';
