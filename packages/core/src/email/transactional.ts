import type { CreditService } from '../credits/credit-service.js';
import type { ClipExport } from '../export.js';
import type { Project } from '../project.js';
import type { EmailService } from './email-service.js';

/** Below this many credits (minutes of video) an organization is told to top up. */
export const CREDITS_LOW_THRESHOLD = 10;

/**
 * After a charge: when the balance has fallen below the threshold, every member is told, at most
 * once a calendar month (a top-up and a second fall in the same month stay quiet).
 */
export async function mailIfCreditsLow(deps: { credits: CreditService; emails: EmailService }, orgId: string, now: Date) {
  const { balance } = await deps.credits.account(orgId);
  if (balance >= CREDITS_LOW_THRESHOLD) return false;
  await deps.emails.requestForOrg(orgId, 'credits-low', `month:${now.toISOString().slice(0, 7)}`, { creditsLeft: balance });
  return true;
}

/** A rendered clip: its project's creator hears about it, once per export. */
export async function mailExportReady(emails: EmailService, project: Project, clip: ClipExport) {
  await emails.request(project.createdBy, 'export-ready', `export:${clip.id}`, { projectId: project.id, projectName: project.name, aspect: clip.aspect });
}
