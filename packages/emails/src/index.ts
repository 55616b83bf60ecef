/**
 * Lifecycle and transactional emails. The templates, the Resend adapter and the dev outbox arrive
 * with the emails issue; this is the list of mails the product will send, so other packages can
 * already name them.
 */
export const EMAIL_KINDS = [
  'welcome',
  'onboarding-day-1',
  'onboarding-day-3',
  'trial-expiring',
  'weekly-summary',
  'inactivity',
  'export-ready',
  'payment-failed',
  'credits-low',
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];
