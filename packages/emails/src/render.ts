import { createElement, type FunctionComponent } from 'react';
import { render, toPlainText } from '@react-email/render';
import type { EmailKind, EmailProps, EmailRenderer, RenderedEmail } from '@clipforge/core';
import { TEMPLATES } from './templates/index.js';

/** Renders a mail with its React Email template: HTML, and plain text made from the same HTML. */
export async function renderEmail<K extends EmailKind>(kind: K, props: EmailProps<K>): Promise<RenderedEmail> {
  const template = TEMPLATES[kind];
  // The kind picks the template and its props together; TypeScript cannot follow that through the map.
  const html = await render(createElement(template.Component as FunctionComponent<object>, props));
  return { subject: template.subject(props), html, text: toPlainText(html) };
}

/** The renderer port, for the worker's delivery. */
export const reactEmailRenderer: EmailRenderer = { render: renderEmail };

/** Every template rendered with its sample props (previews, and a check that each one renders). */
export function renderPreviews(): Promise<({ kind: EmailKind } & RenderedEmail)[]> {
  return Promise.all(
    (Object.keys(TEMPLATES) as EmailKind[]).map(async (kind) => ({ kind, ...(await renderEmail(kind, TEMPLATES[kind].preview as EmailProps<typeof kind>)) })),
  );
}
