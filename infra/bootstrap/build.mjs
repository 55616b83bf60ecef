import { spawnSync } from 'node:child_process';
import { fail, say } from './log.mjs';

const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function nx(targets) {
  say(`nx run-many -t ${targets}…`);
  const result = spawnSync('nx', ['run-many', '-t', targets, '--outputStyle=dynamic-legacy'], { stdio: 'inherit', env: NX_ENV });
  if (result.status !== 0) fail(`${targets} failed (see above)`);
}

/** Builds every package and app (cached by Nx: an unchanged tree takes seconds). */
export const buildAll = () => nx('build');
/** Lint (with the module-boundary rules), strict typecheck (including .svelte files) and build. */
export const checkAndBuildAll = () => nx('lint,typecheck,build');
