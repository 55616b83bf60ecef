export { DomainError, isDomainError } from './errors.js';
export type { DomainErrorCode } from './errors.js';
export { PROJECT_STATUSES } from './project.js';
export { ASPECTS, FITS, CAPTION_STYLES, EXPORT_STATUSES, OUTPUT_SIZE, MAX_CLIP_MS, outputSize, exportShortSide } from './export.js';
export type { Aspect, Fit, CaptionStyle, ExportStatus, ExportSpec, ClipExport } from './export.js';
export { ExportService, renderExport, wordsInClip, exportProgressEvent } from './services/export-service.js';
export type { ExportServiceDeps, RenderExportDeps } from './services/export-service.js';
export { TRANSCRIPT_STATUSES } from './transcript.js';
export type { Word, Transcript, TranscriptSummary, TranscriptStatus, WordEdit } from './transcript.js';
export { transcribeProject, captionsKey, NO_ENGINE_MESSAGE } from './services/transcribe-project.js';
export type { TranscribeDeps } from './services/transcribe-project.js';
export { TranscriptService } from './services/transcript-service.js';
export type { TranscriptServiceDeps } from './services/transcript-service.js';
export type { Project, ProjectStatus, ProjectProgressEvent, VideoMetadata, SpriteLayout, ImportedAssets } from './project.js';
export type * from './ports/index.js';
export { ProjectService, toProgressEvent, projectNameFromFile } from './services/project-service.js';
export type { ProjectServiceDeps, Actor, UploadLimit } from './services/project-service.js';
export { importVideo } from './services/video-import.js';
export type { VideoImportDeps, ImportOutcome } from './services/video-import.js';
export { eventStream } from './services/event-stream.js';
export { parseImportUrl, projectNameFromUrl } from './import-url.js';
export { QueueAdminService } from './services/queue-admin.js';
export { SUB_SCORE_NAMES, PLATFORM_PRESETS, LENGTH_PRESETS, ANALYSIS_STATUSES } from './moment.js';
export { detectMoments, transcriptCacheKey } from './services/detect-moments.js';
export type { DetectMomentsDeps } from './services/detect-moments.js';
export { MomentService } from './services/moment-service.js';
export type { MomentServiceDeps, ProjectMoments } from './services/moment-service.js';
export type {
  SubScores,
  PlatformPreset,
  LengthPreset,
  TimeRange,
  MomentSteering,
  AudioFeatures,
  VisualFeatures,
  ScoringInput,
  ScoringMaterial,
  MediaFeatures,
  MomentCandidate,
  ScorePoint,
  ScoringResult,
  Moment,
  MomentAnalysis,
  AnalysisStatus,
} from './moment.js';
export { planCropPath, cropWidthFraction } from './reframe.js';
export type { FaceBox, FaceSample, CropKeyframe, ReframeOptions } from './reframe.js';
export { PLANS, PLAN_IDS, TRIAL_DAYS, CREDIT_PACKS, creditsForDuration } from './credits/plans.js';
export type { Plan, PlanId } from './credits/plans.js';
export { CREDIT_ENTRY_TYPES } from './credits/ledger.js';
export type { CreditEntry, CreditEntryType, CreditAccount, NewCreditEntry, ApplyOutcome, CreditHistoryPage } from './credits/ledger.js';
export { CreditService, accountCacheKey } from './credits/credit-service.js';
export { BillingService } from './billing/billing-service.js';
export type { BillingServiceDeps } from './billing/billing-service.js';
export type { BillingEvent, BillingStore, PaymentGateway } from './billing/billing.js';
export { API_SCOPES } from './tokens/api-token.js';
export type { ApiScope, ApiToken, NewApiToken, RequestActor, TokenCredentials, ApiTokenRepository } from './tokens/api-token.js';
export { ApiTokenService } from './tokens/token-service.js';
export type { ApiTokenServiceDeps, NewTokenRequest } from './tokens/token-service.js';
export { JobAdmission } from './services/job-admission.js';
export type { JobAdmissionDeps } from './services/job-admission.js';
export { EMAIL_KINDS, LIFECYCLE_EMAIL_KINDS, EMAIL_STATUSES, isLifecycleKind } from './email/kinds.js';
export type { EmailKind, LifecycleEmailKind, UnsubscribeScope, EmailStatus } from './email/kinds.js';
export type { EmailFacts, EmailFactsByKind, EmailProps, RenderedEmail, EmailRenderer } from './email/content.js';
export { EmailService } from './email/email-service.js';
export type { EmailServiceDeps } from './email/email-service.js';
export { deliverEmail } from './email/deliver-email.js';
export type { DeliverEmailDeps, DeliveryOutcome } from './email/deliver-email.js';
export { LifecycleScheduler } from './email/lifecycle-scheduler.js';
export type { LifecycleSchedulerDeps } from './email/lifecycle-scheduler.js';
export { EmailSettingsService } from './email/preferences-service.js';
export type { EmailSettings, EmailSettingsDeps } from './email/preferences-service.js';
export { UnsubscribeTokens } from './email/unsubscribe-tokens.js';
export { isValidTimeZone, localTime } from './email/time-zone.js';
export { mailIfCreditsLow, mailExportReady, CREDITS_LOW_THRESHOLD } from './email/transactional.js';
export { applyProviderFeedback } from './email/provider-feedback.js';
export type { ProviderFeedback } from './email/provider-feedback.js';
