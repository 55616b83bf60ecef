export type { ProjectRepository, NewProject, ProjectPage } from './project-repository.js';
export type { BlobStorage, StoredBlob } from './blob-storage.js';
export type { MediaTools } from './media-prober.js';
export type { PipelineQueue, ProgressBus } from './queues.js';
export type { RemoteSource } from './remote-source.js';
export type { QueueMonitor, QueueCounts, QueuedJobState } from './queue-monitor.js';
export type { TranscriptRepository, SpeechEngine, CaptionExtractor } from './transcripts.js';
export type { ExportRepository, ClipRenderer, RenderRequest, RenderedClip, FaceTracker } from './exports.js';
export type * from './media-analyzer.js';
export type { MomentRepository, MomentScorer, ScoringRequest } from './moments.js';
export type { CreditLedger } from './credits.js';
export type { Cache } from './cache.js';
export type { RateLimiter, RateDecision } from './rate-limiter.js';
export type { JobSlots, SlotJob } from './job-slots.js';
export type {
  Mailer,
  OutgoingEmail,
  EmailSend,
  EmailSendStore,
  EmailRecipient,
  EmailRecipients,
  EmailPreferences,
  EmailPreferenceStore,
  EmailQueue,
  OutboxMail,
  OutboxStore,
  LifecycleAudience,
} from './email.js';
