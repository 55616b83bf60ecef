import { Action, Layout, Paragraph } from '../layout.js';
import { greeting, sampleLifecycle, type EmailTemplate } from '../template.js';

export const onboardingDay1: EmailTemplate<'onboarding-day-1'> = {
  subject: () => 'Your first clip in three steps',
  Component: (p) => (
    <Layout preview="Upload, pick a moment, export" title="Your first clip in three steps" appUrl={p.appUrl} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraph>{greeting(p.name)}</Paragraph>
      <Paragraph>1. Upload a video, or paste a link to one. ClipForge imports and transcribes it.</Paragraph>
      <Paragraph>2. Open the project: its moments are ranked by score, each with the reason it stands out.</Paragraph>
      <Paragraph>3. Pick one, trim it if you like, choose 9:16 and a caption style, and export.</Paragraph>
      <Action href={`${p.appUrl}/projects`}>Start a project</Action>
    </Layout>
  ),
  preview: { ...sampleLifecycle },
};
