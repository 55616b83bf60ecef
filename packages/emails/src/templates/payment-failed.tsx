import { Action, Layout, Paragraph } from '../layout.js';
import { greeting, sampleTransactional, type EmailTemplate } from '../template.js';

export const paymentFailed: EmailTemplate<'payment-failed'> = {
  subject: () => 'Your ClipForge payment failed',
  Component: (p) => (
    <Layout preview="Update your payment method to keep your plan" title="Your payment did not go through" appUrl={p.appUrl} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraph>{greeting(p.name)}</Paragraph>
      <Paragraph>
        We could not charge your payment method for your ClipForge plan. Update it in the billing portal so your plan and its monthly
        credits continue.
      </Paragraph>
      <Action href={`${p.appUrl}/credits`}>Update payment method</Action>
    </Layout>
  ),
  preview: { ...sampleTransactional },
};
