import { Action, Layout, Paragraph } from '../layout.js';
import { greeting, sampleLifecycle, type EmailTemplate } from '../template.js';

export const onboardingDay3: EmailTemplate<'onboarding-day-3'> = {
  subject: () => 'Three tricks for better clips',
  Component: (p) => (
    <Layout preview="Steer the moments, fix the transcript, follow the speaker" title="Three tricks for better clips" appUrl={p.appUrl} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraph>{greeting(p.name)}</Paragraph>
      <Paragraph>Steer the moments: give keywords or a platform preset and ClipForge re-scores the video for you.</Paragraph>
      <Paragraph>Fix the transcript word by word: captions follow your corrections, timings stay.</Paragraph>
      <Paragraph>Export with the &ldquo;track&rdquo; framing and the crop follows whoever is speaking.</Paragraph>
      <Action href={`${p.appUrl}/projects`}>Open your projects</Action>
    </Layout>
  ),
  preview: { ...sampleLifecycle },
};
