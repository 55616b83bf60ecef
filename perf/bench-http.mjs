// HTTP benchmark: raw node:http baseline vs the ClipForge API server, measured in the same run so
// the figures are read as ratios to what this machine can do. See perf/README.md.
//
//   npm run bench:http            (the bootstrap provides DATABASE_URL, REDIS_URL, ...)
//   node perf/bench-http.mjs      (when the environment already has them)
//
// A benchmark, not a test: a missed target prints MISS; only a crash exits non-zero.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RAW_SERVER = path.join(ROOT, 'perf', 'raw-hello.mjs');
const STOCK_TRPC_SERVER = path.join(ROOT, 'perf', 'stock-trpc.mjs');
const API_SERVER = path.join(ROOT, 'apps', 'server', 'dist', 'main.js');
const RESULTS_DIR = path.join(ROOT, 'perf', 'results');
const REQUIRED_ENV = ['DATABASE_URL', 'REDIS_URL', 'BETTER_AUTH_SECRET'];

const CONNECTIONS = 200;
const DEFAULT_DURATION_S = 10;
const DEFAULT_WARMUP_S = 2;
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 100;
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 8_000;
const GOALS = { minRatio: 0.8, maxP99Ms: 10, maxErrors: 0 };

export async function benchHttp({ env = process.env, log = console.log } = {}) {
  const say = toLogFn(log);
  const settings = readSettings(env);
  const loadBefore = os.loadavg()[0];
  const children = [];
  try {
    const raw = await startServer('raw node:http', RAW_SERVER, env, '/', children);
    const stock = await startServer('stock tRPC', STOCK_TRPC_SERVER, env, '/trpc/system.ping', children);
    const api = await startServer('ClipForge API', settings.serverScript, apiEnv(env), '/health/live', children);
    const targets = [
      { name: 'raw node:http', path: '/', origin: raw.origin },
      { name: 'stock tRPC (1 proc)', path: '/trpc/system.ping', origin: stock.origin },
      { name: '/health/live', path: '/health/live', origin: api.origin },
      { name: 'tRPC system.ping', path: '/trpc/system.ping', origin: api.origin },
    ];
    const measured = [];
    for (const target of targets) measured.push(await benchTarget(target, settings, say));
    const results = buildResults(measured, settings, loadBefore);
    process.stdout.write(renderReport(results));
    const files = await writeResults(results);
    say(`results written to ${files.map((f) => path.relative(ROOT, f)).join(' and ')}`);
    return results;
  } finally {
    await Promise.all(children.map(stopChild));
  }
}

// ---- settings -------------------------------------------------------------------------------

function readSettings(env) {
  // BENCH_SERVER_CMD swaps the API for another script (e.g. perf/raw-hello.mjs) to test this harness.
  if (!env.BENCH_SERVER_CMD) requireEnv(env, REQUIRED_ENV);
  const serverScript = env.BENCH_SERVER_CMD ? path.resolve(ROOT, env.BENCH_SERVER_CMD) : API_SERVER;
  if (!existsSync(serverScript)) {
    throw new Error(`server entry not found: ${serverScript} (run \`npm run build\` first)`);
  }
  return {
    serverScript,
    connections: CONNECTIONS,
    durationS: positiveSeconds(env, 'BENCH_DURATION_S', DEFAULT_DURATION_S),
    warmupS: positiveSeconds(env, 'BENCH_WARMUP_S', DEFAULT_WARMUP_S),
    serverProcesses: os.availableParallelism(),
  };
}

function requireEnv(env, names) {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `missing environment: ${missing.join(', ')}. Run \`npm run bench:http\` (it starts the ` +
        `embedded stack) or set them to reachable services.`,
    );
  }
}

function positiveSeconds(env, name, fallback) {
  if (env[name] === undefined || env[name] === '') return fallback;
  const value = Number(env[name]);
  if (!(value > 0)) throw new Error(`${name} must be a positive number of seconds (got ${JSON.stringify(env[name])})`);
  return value;
}

function apiEnv(env) {
  return {
    ...env,
    HOST: '127.0.0.1',
    SERVER_PROCESSES: String(os.availableParallelism()),
    LOG_LEVEL: 'warn',
  };
}

// ---- child processes ------------------------------------------------------------------------

async function startServer(name, script, env, readyPath, children) {
  const port = await freePort();
  const child = spawnChild(name, script, { ...env, PORT: String(port) });
  children.push(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, origin + readyPath);
  return { ...child, origin };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function spawnChild(name, script, env) {
  // process.execPath is the pinned Node 24 when run through npm or node_modules/.bin/node.
  const proc = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  let output = '';
  const keepTail = (chunk) => {
    output = (output + chunk).slice(-OUTPUT_TAIL_CHARS);
  };
  proc.stdout.on('data', keepTail);
  proc.stderr.on('data', keepTail);
  return { name, proc, exited, outputTail: () => output.trim() };
}

function hasExited(proc) {
  return proc.exitCode !== null || proc.signalCode !== null;
}

async function waitUntilReady(child, url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (hasExited(child.proc)) {
      const how = child.proc.exitCode ?? child.proc.signalCode;
      throw new Error(`${child.name} exited (${how}) before answering GET ${url}${formatTail(child)}`);
    }
    lastProblem = await probe(url);
    if (lastProblem === null) return;
    await sleep(READY_POLL_MS);
  }
  throw new Error(
    `${child.name} did not answer 200 on GET ${url} within ${READY_TIMEOUT_MS / 1000} s ` +
      `(last: ${lastProblem})${formatTail(child)}`,
  );
}

/** Returns null when the URL answers 200, otherwise what went wrong. */
async function probe(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await res.body?.cancel();
    return res.status === 200 ? null : `HTTP ${res.status}`;
  } catch (error) {
    return error.cause?.code ?? error.name ?? String(error);
  }
}

function formatTail(child) {
  const tail = child.outputTail();
  return tail ? `\n--- last output of ${child.name} ---\n${tail}` : '';
}

async function stopChild(child) {
  if (hasExited(child.proc)) return;
  child.proc.kill('SIGTERM');
  const graceOver = sleep(STOP_GRACE_MS, 'timeout', { ref: false });
  if ((await Promise.race([child.exited, graceOver])) === 'timeout' && !hasExited(child.proc)) {
    child.proc.kill('SIGKILL');
    await child.exited;
  }
}

// ---- measuring ------------------------------------------------------------------------------

async function benchTarget(target, settings, say) {
  const url = target.origin + target.path;
  say(`${target.name}: warm-up ${settings.warmupS} s`);
  await runAutocannon(url, settings.connections, settings.warmupS);
  say(`${target.name}: measuring ${settings.durationS} s at ${settings.connections} connections`);
  const result = await runAutocannon(url, settings.connections, settings.durationS);
  return { name: target.name, path: target.path, ...summarize(result) };
}

function runAutocannon(url, connections, durationS) {
  return autocannon({ url, connections, duration: durationS });
}

function summarize(result) {
  return {
    requestsPerSec: result.requests.average,
    totalRequests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors, // includes timeouts
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

// ---- results --------------------------------------------------------------------------------

function buildResults(measured, settings, loadBefore) {
  const baseline = measured[0].requestsPerSec;
  const targets = measured.map((t) => ({ ...t, ratio: baseline > 0 ? t.requestsPerSec / baseline : 0 }));
  return {
    timestamp: new Date().toISOString(),
    machine: { ...machineInfo(), loadAverage1mBefore: round(loadBefore, 2) },
    settings: { ...settings, serverScript: path.relative(ROOT, settings.serverScript) },
    targets,
    ratios: Object.fromEntries(targets.slice(1).map((t) => [t.path, round(t.ratio, 3)])),
    checks: checkGoals(targets),
  };
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    availableParallelism: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function checkGoals(targets) {
  const live = targets.find((t) => t.path === '/health/live');
  const errors = live.errors + live.non2xx;
  return [
    {
      goal: `/health/live req/s >= ${GOALS.minRatio}x baseline`,
      actual: `${round(live.ratio, 2)}x`,
      pass: live.ratio >= GOALS.minRatio,
    },
    { goal: `/health/live p99 <= ${GOALS.maxP99Ms} ms`, actual: `${live.p99Ms} ms`, pass: live.p99Ms <= GOALS.maxP99Ms },
    { goal: '/health/live 0 errors + non-2xx', actual: String(errors), pass: errors <= GOALS.maxErrors },
  ];
}

function renderReport(results) {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors+non-2xx', 'vs baseline'];
  const rows = results.targets.map((t) => [
    t.name,
    Math.round(t.requestsPerSec).toLocaleString('en-US'),
    String(t.p50Ms),
    String(t.p99Ms),
    String(t.errors + t.non2xx),
    `${t.ratio.toFixed(2)}x`,
  ]);
  const checks = results.checks.map((c) => `${c.pass ? 'PASS' : 'MISS'}  ${c.goal} (got ${c.actual})`);
  const { machine, settings } = results;
  const context = [
    `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, server processes: ${settings.serverProcesses}`,
    `${settings.connections} connections, ${settings.durationS} s per target after ${settings.warmupS} s warm-up; ` +
      `load average before: ${machine.loadAverage1mBefore} (compare runs only on an idle machine)`,
  ];
  return ['', ...context, '', ...renderTable(header, rows), '', 'Targets:', ...checks, ''].join('\n') + '\n';
}

function renderTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // First column left-aligned (names), figures right-aligned.
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

async function writeResults(results) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = JSON.stringify(results, null, 2) + '\n';
  // ':' is not allowed in file names on every filesystem.
  const stamped = path.join(RESULTS_DIR, `http-${results.timestamp.replaceAll(':', '-')}.json`);
  const latest = path.join(RESULTS_DIR, 'http-latest.json');
  await writeFile(stamped, json);
  await writeFile(latest, json);
  return [stamped, latest];
}

// ---- small helpers --------------------------------------------------------------------------

function round(value, digits) {
  return Number(value.toFixed(digits));
}

function toLogFn(log) {
  if (typeof log === 'function') return log;
  if (log && typeof log.info === 'function') return log.info.bind(log);
  return console.log;
}

function isMainModule() {
  return Boolean(process.argv[1]) && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isMainModule()) {
  benchHttp({ env: process.env }).catch((error) => {
    process.stderr.write(`bench-http failed: ${error.message}\n`);
    process.exitCode = 1;
  });
}
