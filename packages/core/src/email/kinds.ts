/** Every mail the product sends. */
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

/**
 * Lifecycle (marketing) mails: each carries a signed unsubscribe link and RFC 8058 headers, and a
 * user's preferences can switch it off. The others are transactional and always go out.
 */
export const LIFECYCLE_EMAIL_KINDS = ['welcome', 'onboarding-day-1', 'onboarding-day-3', 'trial-expiring', 'weekly-summary', 'inactivity'] as const;
export type LifecycleEmailKind = (typeof LIFECYCLE_EMAIL_KINDS)[number];

export const isLifecycleKind = (kind: EmailKind): kind is LifecycleEmailKind => (LIFECYCLE_EMAIL_KINDS as readonly string[]).includes(kind);

/** What an unsubscribe link turns off: one lifecycle kind, or every lifecycle kind. */
export type UnsubscribeScope = LifecycleEmailKind | 'all';

/** `bounced`: the provider accepted the mail and later reported that it bounced. */
export const EMAIL_STATUSES = ['queued', 'sent', 'failed', 'suppressed', 'bounced'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
