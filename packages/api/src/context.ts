import type { ApiTokenService, RequestActor, BillingService, CreditService, EmailSettingsService, ExportService, MomentService, ProjectService, QueueAdminService, TranscriptService } from '@clipforge/core';

/** What every procedure receives; apps/server builds it per request. */
export interface ApiContext {
  requestId: string;
  /**
   * The signed-in member or API token and the organization the request acts for; null when signed
   * out. Resolved on first use, so procedures that need no session (health-style queries) pay
   * nothing. Rejects with UNAUTHENTICATED for a bearer token that is not a live one.
   */
  getActor: () => Promise<RequestActor | null>;
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
  tokens: ApiTokenService;
  /** Email preferences and the dev outbox. */
  emails: EmailSettingsService;
  /** A signed, expiring URL path for a stored file. */
  mediaUrl: (key: string) => Promise<string>;
}
