/**
 * Lifecycle and transactional emails: React Email templates sharing one layout, their rendering,
 * and the two mailers (Resend, and the dev outbox used when no Resend key is set).
 */
export { EMAIL_KINDS, LIFECYCLE_EMAIL_KINDS } from '@clipforge/core';
export type { EmailKind } from '@clipforge/core';
export { renderEmail, reactEmailRenderer, renderPreviews } from './render.js';
export { OutboxMailer } from './outbox-mailer.js';
export { ResendMailer, ResendError } from './resend-mailer.js';
export { ResendWebhook } from './resend-webhook.js';
export type { ResendMailerOptions } from './resend-mailer.js';
