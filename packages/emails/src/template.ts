import type { ReactElement } from 'react';
import type { EmailKind, EmailProps } from '@clipforge/core';

/** One mail: its subject, its React Email component, and sample props for previews. */
export interface EmailTemplate<K extends EmailKind> {
  subject: (props: EmailProps<K>) => string;
  Component: (props: EmailProps<K>) => ReactElement;
  preview: EmailProps<K>;
}

/** Greets by first name; the account name may be an email's local part or empty. */
export const greeting = (name: string) => `Hi ${name.trim().split(/\s+/)[0] || 'there'},`;

const SAMPLE = { name: 'Ada Lovelace', appUrl: 'https://clipforge.example' };
/** Sample recipient for lifecycle previews (with an unsubscribe link) and transactional ones (without). */
export const sampleLifecycle = { ...SAMPLE, unsubscribeUrl: `${SAMPLE.appUrl}/unsubscribe?token=preview` };
export const sampleTransactional = { ...SAMPLE, unsubscribeUrl: null };
