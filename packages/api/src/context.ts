import type { Actor, BillingService, CreditService, EmailSettingsService, ExportService, MomentService, ProjectService, QueueAdminService, TranscriptService } from '@clipforge/core';

/** What every procedure receives; apps/server builds it per request. */
export interface ApiContext {
  requestId: string;
  /**
   * The signed-in member and the organization the request acts for; null when signed out.
   * Resolved on first use, so procedures that need no session (health-style queries) pay nothing.
   */
  getActor: () => Promise<(Actor & { email: string }) | null>;
  /** Operators (ADMIN_EMAILS) may see the job queues. */
  isAdmin: (email: string) => boolean;
  projects: ProjectService;
  transcripts: TranscriptService;
  exports: ExportService;
  moments: MomentService;
  credits: CreditService;
  /** Null when the server has no Stripe keys: billing is off and the UI says so. */
  billing: BillingService | null;
  queues: QueueAdminService;
  /** Email preferences and the dev outbox. */
  emails: EmailSettingsService;
  /** A signed, expiring URL path for a stored file. */
  mediaUrl: (key: string) => Promise<string>;
}
