import { spawnSync } from 'node:child_process';
import { fail, say } from './log.mjs';

const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

function nx(target) {
  say(`nx run-many -t ${target}…`);
  const result = spawnSync('nx', ['run-many', '-t', target, '--outputStyle=dynamic-legacy'], { stdio: 'inherit', env: NX_ENV });
  if (result.status !== 0) fail(`${target} failed (see above)`);
}

/** Builds every package and app (cached by Nx: an unchanged tree takes seconds). */
export const buildAll = () => nx('build');
/** Lints every project, including the module-boundary rules. */
export const lintAll = () => nx('lint');
