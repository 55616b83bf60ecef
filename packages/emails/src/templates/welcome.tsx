import { Action, Layout, Paragraph } from '../layout.js';
import { greeting, sampleLifecycle, type EmailTemplate } from '../template.js';

export const welcome: EmailTemplate<'welcome'> = {
  subject: () => 'Welcome to ClipForge',
  Component: (p) => (
    <Layout preview={`Your ${p.trialDays}-day trial has ${p.trialCredits} credits to spend`} title="Welcome to ClipForge" appUrl={p.appUrl} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraph>{greeting(p.name)}</Paragraph>
      <Paragraph>
        ClipForge turns a long video into short clips worth posting: upload a talk, a podcast or a stream, and it transcribes it, scores
        its best moments and exports vertical clips with animated captions.
      </Paragraph>
      <Paragraph>
        Your trial lasts {p.trialDays} days and comes with {p.trialCredits} credits: one credit is one minute of source video.
      </Paragraph>
      <Action href={`${p.appUrl}/projects`}>Upload your first video</Action>
    </Layout>
  ),
  preview: { ...sampleLifecycle, trialDays: 14, trialCredits: 60 },
};
