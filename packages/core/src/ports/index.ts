export type { ProjectRepository, NewProject, ProjectPage } from './project-repository.js';
export type { BlobStorage, StoredBlob } from './blob-storage.js';
export type { MediaTools } from './media-prober.js';
export type { PipelineQueue, ProgressBus } from './queues.js';
export type { RemoteSource } from './remote-source.js';
export type { QueueMonitor, QueueCounts, QueuedJobState } from './queue-monitor.js';
export type { TranscriptRepository, SpeechEngine, CaptionExtractor } from './transcripts.js';
export type { ExportRepository, ClipRenderer, RenderRequest, RenderedClip } from './exports.js';
