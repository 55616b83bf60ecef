import { Action, Layout, Paragraph } from '../layout.js';
import { greeting, sampleLifecycle, type EmailTemplate } from '../template.js';

export const inactivity: EmailTemplate<'inactivity'> = {
  subject: () => 'Your videos are waiting to become clips',
  Component: (p) => (
    <Layout preview="Pick up where you left off" title="We have not seen you in a while" appUrl={p.appUrl} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraph>{greeting(p.name)}</Paragraph>
      <Paragraph>
        It has been {p.daysInactive} days since you last used ClipForge. Got a new recording? Upload it and get its best moments as clips in
        minutes.
      </Paragraph>
      <Action href={`${p.appUrl}/projects`}>Upload a video</Action>
    </Layout>
  ),
  preview: { ...sampleLifecycle, daysInactive: 14 },
};
