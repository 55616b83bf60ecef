import { router } from './trpc.js';
import { projectsRouter } from './routers/projects.js';
import { systemRouter } from './routers/system.js';

export const appRouter = router({
  projects: projectsRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
