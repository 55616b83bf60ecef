import { Action, Layout, Paragraph } from '../layout.js';
import { greeting, sampleLifecycle, type EmailTemplate } from '../template.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const weeklySummary: EmailTemplate<'weekly-summary'> = {
  subject: (p) => `Your ClipForge week: ${plural(p.clipsExported, 'clip', 'clips')} exported`,
  Component: (p) => (
    <Layout
      preview={`${plural(p.videosProcessed, 'video', 'videos')} processed, ${plural(p.clipsExported, 'clip', 'clips')} exported`}
      title={`Your week, up to ${p.weekOf}`}
      appUrl={p.appUrl}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <Paragraph>{greeting(p.name)}</Paragraph>
      <Paragraph>Videos processed: {p.videosProcessed}</Paragraph>
      <Paragraph>Clips exported: {p.clipsExported}</Paragraph>
      <Paragraph>Credits left: {p.creditsLeft}</Paragraph>
      <Action href={`${p.appUrl}/projects`}>Make more clips</Action>
    </Layout>
  ),
  preview: { ...sampleLifecycle, weekOf: '2026-11-23', videosProcessed: 4, clipsExported: 11, creditsLeft: 37 },
};
