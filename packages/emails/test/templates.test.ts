import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS, LIFECYCLE_EMAIL_KINDS, renderPreviews } from '@clipforge/emails';

/** Every template renders its preview to a full HTML mail and a plain-text twin, in one brand. */
describe('email templates', () => {
  it('renders every kind with its sample props', async () => {
    const previews = await renderPreviews();
    expect(previews.map((p) => p.kind)).toEqual([...EMAIL_KINDS]);
    for (const preview of previews) {
      expect(preview.subject.length, preview.kind).toBeGreaterThan(5);
      expect(preview.html, preview.kind).toMatch(/^<!DOCTYPE html/);
      expect(preview.html, preview.kind).toContain('ClipForge');
      expect(preview.text, preview.kind).not.toContain('<');
      expect(preview.text, preview.kind).toContain('https://clipforge.example/');
      // Lifecycle mails carry their unsubscribe link; transactional ones say why they always arrive.
      if ((LIFECYCLE_EMAIL_KINDS as readonly string[]).includes(preview.kind)) expect(preview.text, preview.kind).toContain('/unsubscribe?token=preview');
      else expect(preview.text, preview.kind).toContain('sent whatever your email settings');
    }
  });

  it('escapes what users typed', async () => {
    const { renderEmail } = await import('@clipforge/emails');
    const mail = await renderEmail('export-ready', {
      name: '<script>alert(1)</script>',
      appUrl: 'https://clipforge.example',
      unsubscribeUrl: null,
      projectId: 'p1',
      projectName: '<img src=x onerror=alert(1)>',
      aspect: '9:16',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
