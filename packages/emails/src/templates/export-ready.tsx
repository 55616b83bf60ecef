import { Action, Layout, Paragraph } from '../layout.js';
import { greeting, sampleTransactional, type EmailTemplate } from '../template.js';

export const exportReady: EmailTemplate<'export-ready'> = {
  subject: (p) => `Your clip from ${p.projectName} is ready`,
  Component: (p) => (
    <Layout preview={`${p.aspect} clip with captions, ready to download`} title="Your clip is ready" appUrl={p.appUrl} unsubscribeUrl={p.unsubscribeUrl}>
      <Paragraph>{greeting(p.name)}</Paragraph>
      <Paragraph>
        The {p.aspect} clip you exported from &ldquo;{p.projectName}&rdquo; has been rendered, with its captions and SRT/VTT files.
      </Paragraph>
      <Action href={`${p.appUrl}/projects/${p.projectId}`}>Download it</Action>
    </Layout>
  ),
  preview: { ...sampleTransactional, projectId: '00000000-0000-4000-8000-000000000000', projectName: 'Keynote 2026', aspect: '9:16' },
};
