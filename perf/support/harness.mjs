// What the HTTP benchmarks share: child servers on free loopback ports, autocannon runs, the
// machine's description, a plain-text table and the results files.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS_DIR = path.join(ROOT, 'perf', 'results');
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 100;
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 8_000;

/** Starts `script` on a free port and waits until `readyPath` answers 200; `children` collects it for stopChild. */
export async function startServer(name, script, env, readyPath, children) {
  const port = await freePort();
  const child = spawnChild(name, script, { ...env, PORT: String(port) });
  children.push(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, origin + readyPath);
  return { ...child, origin };
}

export function freePort() {
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
  throw new Error(`${child.name} did not answer 200 on GET ${url} within ${READY_TIMEOUT_MS / 1000} s (last: ${lastProblem})${formatTail(child)}`);
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

/** SIGTERM, then SIGKILL after a grace period. */
export async function stopChild(child) {
  if (hasExited(child.proc)) return;
  child.proc.kill('SIGTERM');
  const graceOver = sleep(STOP_GRACE_MS, 'timeout', { ref: false });
  if ((await Promise.race([child.exited, graceOver])) === 'timeout' && !hasExited(child.proc)) {
    child.proc.kill('SIGKILL');
    await child.exited;
  }
}

/**
 * One autocannon run reduced to the figures the reports use. `overallRate` turns the closed model
 * (every connection sends again as soon as it is answered) into an open one at a fixed rate.
 */
export async function measure({ url, connections, durationS, headers, overallRate }) {
  const result = await autocannon({ url, connections, duration: durationS, headers, ...(overallRate ? { overallRate } : {}) });
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

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    availableParallelism: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage1m: round(os.loadavg()[0], 2),
  };
}

/** A plain-text table: the first column left-aligned (names), figures right-aligned. */
export function renderTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Writes `perf/results/<name>-<timestamp>.json` and `<name>-latest.json`. */
export async function writeResults(name, results) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = JSON.stringify(results, null, 2) + '\n';
  // ':' is not allowed in file names on every filesystem.
  const stamped = path.join(RESULTS_DIR, `${name}-${results.timestamp.replaceAll(':', '-')}.json`);
  const latest = path.join(RESULTS_DIR, `${name}-latest.json`);
  await writeFile(stamped, json);
  await writeFile(latest, json);
  return [stamped, latest].map((f) => path.relative(ROOT, f));
}

export function positiveSeconds(env, name, fallback) {
  if (env[name] === undefined || env[name] === '') return fallback;
  const value = Number(env[name]);
  if (!(value > 0)) throw new Error(`${name} must be a positive number of seconds (got ${JSON.stringify(env[name])})`);
  return value;
}

export function requireEnv(env, names, command) {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`missing environment: ${missing.join(', ')}. Run \`${command}\` (it starts the embedded stack) or set them to reachable services.`);
  }
}

export function round(value, digits) {
  return Number(value.toFixed(digits));
}

export function toLogFn(log) {
  if (typeof log === 'function') return log;
  if (log && typeof log.info === 'function') return log.info.bind(log);
  return console.log;
}

/** True when the module at `moduleUrl` is the script node was started with. */
export function isMainModule(moduleUrl) {
  return Boolean(process.argv[1]) && realpathSync(process.argv[1]) === fileURLToPath(moduleUrl);
}
