import type { EmailKind } from './kinds.js';

/**
 * The facts each kind of mail is about, known when it is requested and stored with the send (so a
 * retry renders the same mail). Links are built by the templates from the app's URL.
 */
export interface EmailFactsByKind {
  welcome: { trialDays: number; trialCredits: number };
  'onboarding-day-1': Record<never, never>;
  'onboarding-day-3': Record<never, never>;
  'trial-expiring': { trialEndsAt: string; creditsLeft: number };
  'weekly-summary': { weekOf: string; videosProcessed: number; clipsExported: number; creditsLeft: number };
  inactivity: { daysInactive: number };
  'export-ready': { projectId: string; projectName: string; aspect: string };
  'payment-failed': Record<never, never>;
  'credits-low': { creditsLeft: number };
}

export type EmailFacts<K extends EmailKind> = EmailFactsByKind[K];

/**
 * What a template renders: the facts, who it is for and where the app lives; lifecycle mails also
 * get their unsubscribe link (null for transactional mails).
 */
export type EmailProps<K extends EmailKind> = EmailFactsByKind[K] & { name: string; appUrl: string; unsubscribeUrl: string | null };

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Turns a kind and its props into a subject, HTML and plain text (React Email in packages/emails). */
export interface EmailRenderer {
  render<K extends EmailKind>(kind: K, props: EmailProps<K>): Promise<RenderedEmail>;
}
