// HTTP benchmark: raw node:http baseline vs the ClipForge API server, measured in the same run so
// the figures are read as ratios to what this machine can do. See perf/README.md.
//
//   npm run bench:http            (the bootstrap provides DATABASE_URL, REDIS_URL, ...)
//   node perf/bench-http.mjs      (when the environment already has them)
//
// A benchmark, not a test: a missed target prints MISS; only a crash exits non-zero.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT, isMainModule, machineInfo, measure, positiveSeconds, renderTable, requireEnv, round, startServer, stopChild, toLogFn, writeResults,
} from './support/harness.mjs';

const RAW_SERVER = path.join(ROOT, 'perf', 'raw-hello.mjs');
const STOCK_TRPC_SERVER = path.join(ROOT, 'perf', 'stock-trpc.mjs');
const API_SERVER = path.join(ROOT, 'apps', 'server', 'dist', 'main.js');
const REQUIRED_ENV = ['DATABASE_URL', 'REDIS_URL', 'BETTER_AUTH_SECRET'];

const CONNECTIONS = 200;
const DEFAULT_DURATION_S = 10;
const DEFAULT_WARMUP_S = 2;
const GOALS = { minRatio: 0.8, maxP99Ms: 10, maxErrors: 0 };

export async function benchHttp({ env = process.env, log = console.log } = {}) {
  const say = toLogFn(log);
  const settings = readSettings(env);
  const machine = machineInfo(); // the load average before the run
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
    const results = buildResults(measured, settings, machine);
    process.stdout.write(renderReport(results));
    const files = await writeResults('http', results);
    say(`results written to ${files.join(' and ')}`);
    return results;
  } finally {
    await Promise.all(children.map(stopChild));
  }
}

// ---- settings -------------------------------------------------------------------------------

function readSettings(env) {
  // BENCH_SERVER_CMD swaps the API for another script (e.g. perf/raw-hello.mjs) to test this harness.
  if (!env.BENCH_SERVER_CMD) requireEnv(env, REQUIRED_ENV, 'npm run bench:http');
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

function apiEnv(env) {
  return {
    ...env,
    HOST: '127.0.0.1',
    SERVER_PROCESSES: String(os.availableParallelism()),
    LOG_LEVEL: 'warn',
  };
}

// ---- measuring ------------------------------------------------------------------------------

async function benchTarget(target, settings, say) {
  const url = target.origin + target.path;
  say(`${target.name}: warm-up ${settings.warmupS} s`);
  await measure({ url, connections: settings.connections, durationS: settings.warmupS });
  say(`${target.name}: measuring ${settings.durationS} s at ${settings.connections} connections`);
  const result = await measure({ url, connections: settings.connections, durationS: settings.durationS });
  return { name: target.name, path: target.path, ...result };
}

// ---- results --------------------------------------------------------------------------------

function buildResults(measured, settings, machine) {
  const baseline = measured[0].requestsPerSec;
  const targets = measured.map((t) => ({ ...t, ratio: baseline > 0 ? t.requestsPerSec / baseline : 0 }));
  return {
    timestamp: new Date().toISOString(),
    machine,
    settings: { ...settings, serverScript: path.relative(ROOT, settings.serverScript) },
    targets,
    ratios: Object.fromEntries(targets.slice(1).map((t) => [t.path, round(t.ratio, 3)])),
    checks: checkGoals(targets),
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
      `load average before: ${machine.loadAverage1m} (compare runs only on an idle machine)`,
  ];
  return ['', ...context, '', ...renderTable(header, rows), '', 'Targets:', ...checks, ''].join('\n') + '\n';
}

if (isMainModule(import.meta.url)) {
  benchHttp({ env: process.env }).catch((error) => {
    process.stderr.write(`bench-http failed: ${error.message}\n`);
    process.exitCode = 1;
  });
}
