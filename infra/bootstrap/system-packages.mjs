// Installs the system tools the product needs (ffmpeg, redis-server, chromium…) with apt-get when
// they are missing and we are root; otherwise says exactly which command to run.
import { spawnSync } from 'node:child_process';
import { fail, say } from './log.mjs';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** @param {Record<string, string>} needed command → Debian package */
export function ensureCommands(needed) {
  const missing = Object.entries(needed).filter(([command]) => !has(command));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  const install = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    fail(`missing ${missing.map(([c]) => c).join(', ')}. Install with:\n  sudo sh -c '${install}'\nthen run the command again.`);
  }
  say(`installing ${packages.join(', ')} with apt-get (one time)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const step of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const result = spawnSync('apt-get', step, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) fail(`apt-get ${step[0]} failed; run it by hand:\n  ${install}`);
  }
  const stillMissing = missing.filter(([command]) => !has(command));
  if (stillMissing.length) fail(`still missing after install: ${stillMissing.map(([c]) => c).join(', ')}`);
}
