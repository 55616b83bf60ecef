// The one entry behind `npm start`, `npm test` and friends. Runs on any Node ≥ 20: it installs
// dependencies when they are missing or stale, then re-runs itself on the Node 24 the repo pins.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const command = process.argv[2] ?? 'start';
const commands = ['start', 'test', 'migrate', 'seed', 'bench-http', 'bench-api', 'bench-queue', 'bench-pipeline', 'bench-scoring', 'eval-moments'];
if (!commands.includes(command)) {
  console.error(`Unknown command "${command}". Use one of: ${commands.join(', ')}.`);
  process.exit(2);
}

function dependenciesAreCurrent() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(marker) || !existsSync(path.join(root, 'node_modules/.bin/node'))) return false;
  return !existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.env.CLIPFORGE_BOOTSTRAPPED) {
  if (!dependenciesAreCurrent()) {
    console.log('[clipforge] installing dependencies (npm ci)…');
    run('npm', existsSync(path.join(root, 'package-lock.json')) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']);
  }
  // Re-exec on the pinned Node 24 (the machine's own node may be older). Signals are passed on
  // and this process waits, so Ctrl-C or a SIGTERM stops everything before npm returns.
  const pinnedNode = path.join(root, 'node_modules/.bin/node');
  const child = spawn(pinnedNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CLIPFORGE_BOOTSTRAPPED: '1', PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await runCommand();
}

async function runCommand() {
  // A local .env (see .env.example) overrides the embedded defaults.
  if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));
  process.chdir(root);
  const { main } = await import(`./commands/${command}.mjs`);
  try {
    await main(process.argv.slice(3));
  } catch (error) {
    console.error(`[clipforge] ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
