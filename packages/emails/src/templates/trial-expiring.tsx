import { Action, Layout, Paragraph } from '../layout.js';
import { greeting, sampleLifecycle, type EmailTemplate } from '../template.js';

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const trialExpiring: EmailTemplate<'trial-expiring'> = {
  subject: () => 'Your ClipForge trial ends in 3 days',
  Component: (p) => (
    <Layout preview={`Trial ends ${day(p.trialEndsAt)}: ${p.creditsLeft} credits left`} title="Your trial ends soon" appUrl={p.appUrl} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraph>{greeting(p.name)}</Paragraph>
      <Paragraph>
        Your ClipForge trial ends on {day(p.trialEndsAt)}. You have {p.creditsLeft} credit{p.creditsLeft === 1 ? '' : 's'} left to use before then.
      </Paragraph>
      <Paragraph>Pick a plan to keep importing videos and exporting clips without a watermark.</Paragraph>
      <Action href={`${p.appUrl}/credits`}>See the plans</Action>
    </Layout>
  ),
  preview: { ...sampleLifecycle, trialEndsAt: '2026-12-07T12:00:00.000Z', creditsLeft: 42 },
};
