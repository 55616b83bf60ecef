export { appRouter } from './root.js';
export type { AppRouter } from './root.js';
export type { ApiContext } from './context.js';
export type { ProjectView } from './routers/projects.js';
export type { TranscriptView } from './routers/transcripts.js';
export type { ExportView } from './routers/exports.js';
export { createCallerFactory } from './trpc.js';
export type { MomentView, MomentsView } from './routers/moments.js';
export type { CreditEntryView } from './routers/credits.js';
