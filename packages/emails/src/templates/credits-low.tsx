import { Action, Layout, Paragraph } from '../layout.js';
import { greeting, sampleTransactional, type EmailTemplate } from '../template.js';

export const creditsLow: EmailTemplate<'credits-low'> = {
  subject: (p) => `Only ${p.creditsLeft} ClipForge credit${p.creditsLeft === 1 ? '' : 's'} left`,
  Component: (p) => (
    <Layout preview="Top up before your next import" title="Your credits are running low" appUrl={p.appUrl} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraph>{greeting(p.name)}</Paragraph>
      <Paragraph>
        Your organization has {p.creditsLeft} credit{p.creditsLeft === 1 ? '' : 's'} left: that is {p.creditsLeft} minute
        {p.creditsLeft === 1 ? '' : 's'} of video to import. Buy a pack or upgrade your plan so the next import does not stop.
      </Paragraph>
      <Action href={`${p.appUrl}/credits`}>Get more credits</Action>
    </Layout>
  ),
  preview: { ...sampleTransactional, creditsLeft: 5 },
};
