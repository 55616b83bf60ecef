import { router } from './trpc.js';
import { projectsRouter } from './routers/projects.js';
import { systemRouter } from './routers/system.js';
import { queuesRouter } from './routers/queues.js';
import { transcriptsRouter } from './routers/transcripts.js';
import { exportsRouter } from './routers/exports.js';
import { momentsRouter } from './routers/moments.js';
import { creditsRouter } from './routers/credits.js';
import { tokensRouter } from './routers/tokens.js';
import { emailsRouter } from './routers/emails.js';

export const appRouter = router({
  projects: projectsRouter,
  system: systemRouter,
  queues: queuesRouter,
  transcripts: transcriptsRouter,
  exports: exportsRouter,
  moments: momentsRouter,
  credits: creditsRouter,
  tokens: tokensRouter,
  emails: emailsRouter,
});

export type AppRouter = typeof appRouter;
