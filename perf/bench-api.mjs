// API benchmark: `credits.balance` with a real session, the shared rate limiter and the cache, on
// the server cluster, beside a stock tRPC hello-world and raw node:http measured in the same run.
// Then an open-model run at 70 % of the measured maximum. See perf/README.md.
//
//   npm run bench:api
//
// A benchmark, not a test: a missed target prints MISS; only a crash exits non-zero.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT, isMainModule, machineInfo, measure, positiveSeconds, renderTable, requireEnv, round, startServer, stopChild, toLogFn, writeResults,
} from './support/harness.mjs';
import { upgradeForBenchmark } from './support/bench-org.mjs';

const RAW_SERVER = path.join(ROOT, 'perf', 'raw-hello.mjs');
const STOCK_TRPC_SERVER = path.join(ROOT, 'perf', 'stock-trpc.mjs');
const API_SERVER = path.join(ROOT, 'apps', 'server', 'dist', 'main.js');
const CONNECTIONS = 200;
const OPEN_MODEL_SHARE = 0.7;
const GOALS = { minRatioToStock: 1.0, maxP99Ms: 10, maxOpenP99Ms: 25 };
// The bench org is on ENTERPRISE (1,000 a minute); scaled so the limiter counts every request
// (one Redis call each, as in production) without refusing any.
const RATE_LIMIT_SCALE = '1000';

export async function benchApi({ env = process.env, log = console.log } = {}) {
  const say = toLogFn(log);
  requireEnv(env, ['DATABASE_URL', 'REDIS_URL', 'BETTER_AUTH_SECRET'], 'npm run bench:api');
  if (!existsSync(API_SERVER)) throw new Error(`server entry not found: ${API_SERVER} (run \`npm run build\` first)`);
  const settings = {
    connections: CONNECTIONS,
    durationS: positiveSeconds(env, 'BENCH_DURATION_S', 10),
    warmupS: positiveSeconds(env, 'BENCH_WARMUP_S', 3),
    serverProcesses: os.availableParallelism(),
    rateLimitScale: Number(RATE_LIMIT_SCALE),
  };
  const machine = machineInfo(); // the load average before the run
  const children = [];
  try {
    const raw = await startServer('raw node:http', RAW_SERVER, env, '/', children);
    const stock = await startServer('stock tRPC', STOCK_TRPC_SERVER, env, '/trpc/system.ping', children);
    const apiEnv = {
      ...env,
      HOST: '127.0.0.1',
      SERVER_PROCESSES: String(settings.serverProcesses),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      RATE_LIMIT_SCALE,
      REDIS_PREFIX: `bench-api-${Date.now().toString(36)}`,
      PUBLIC_URL: env.PUBLIC_URL ?? 'http://localhost:3000', // the origin sign-up must come from
    };
    const api = await startServer('ClipForge API', API_SERVER, apiEnv, '/health/ready', children);
    const cookie = await signedInBenchUser(api.origin, apiEnv.PUBLIC_URL, env.DATABASE_URL);
    const balanceUrl = `${api.origin}/trpc/credits.balance`;
    await checkBalanceAnswers(balanceUrl, cookie);

    const targets = [
      { name: 'raw node:http', url: `${raw.origin}/` },
      { name: 'stock tRPC hello (1 proc)', url: `${stock.origin}/trpc/system.ping` },
      { name: 'credits.balance (session, limiter, cache)', url: balanceUrl, headers: { cookie } },
    ];
    const closed = [];
    for (const target of targets) {
      say(`${target.name}: warm-up ${settings.warmupS} s`);
      await measure({ url: target.url, headers: target.headers, connections: CONNECTIONS, durationS: settings.warmupS });
      say(`${target.name}: measuring ${settings.durationS} s at ${CONNECTIONS} connections`);
      closed.push({ name: target.name, ...(await measure({ url: target.url, headers: target.headers, connections: CONNECTIONS, durationS: settings.durationS })) });
    }
    const balance = closed[2];
    const rate = Math.max(1, Math.round(balance.requestsPerSec * OPEN_MODEL_SHARE));
    say(`credits.balance open model: ${rate} req/s for ${settings.durationS} s`);
    await eventLoopP99(api.origin); // a scrape resets the histogram of the process that answers it
    const open = { name: `credits.balance at ${rate} req/s (open)`, ...(await measure({ url: balanceUrl, headers: { cookie }, connections: CONNECTIONS, durationS: settings.durationS, overallRate: rate })) };
    // Where the tail comes from: the server's own event loop, or waiting for a CPU.
    open.serverEventLoopP99Ms = round(await eventLoopP99(api.origin), 1);

    const results = buildResults({ machine, settings, closed, open });
    process.stdout.write(renderReport(results));
    const files = await writeResults('api', results);
    say(`results written to ${files.join(' and ')}`);
    return results;
  } finally {
    await Promise.all(children.map(stopChild));
  }
}

/** Event-loop delay p99 (ms) of the server process that answers, since its last scrape. */
async function eventLoopP99(origin) {
  const metrics = await fetch(`${origin}/metrics`).then((r) => r.text());
  return Number(/^nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(metrics)?.[1] ?? NaN) * 1000;
}

/** A new user on the ENTERPRISE plan; returns its session cookie. */
async function signedInBenchUser(origin, publicUrl, databaseUrl) {
  const email = `bench-api-${randomUUID().slice(0, 8)}@example.com`;
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(publicUrl).origin },
    body: JSON.stringify({ name: 'Bench', email, password: 'bench password 1' }),
  });
  if (!response.ok) throw new Error(`sign-up failed: HTTP ${response.status} ${await response.text()}`);
  await upgradeForBenchmark(databaseUrl, email);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** The measured request must be the real thing: signed in, limited, and answered with the balance. */
async function checkBalanceAnswers(url, cookie) {
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.json();
  if (response.status !== 200 || typeof body.result?.data?.balance !== 'number') {
    throw new Error(`credits.balance did not answer a balance: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  if (!response.headers.get('ratelimit')) throw new Error('credits.balance answered without RateLimit headers: the limiter did not run');
}

function buildResults({ machine, settings, closed, open }) {
  const [raw, stock, balance] = closed;
  const ratio = (t) => (raw.requestsPerSec > 0 ? t.requestsPerSec / raw.requestsPerSec : 0);
  const vsStock = stock.requestsPerSec > 0 ? balance.requestsPerSec / stock.requestsPerSec : 0;
  const failures = (t) => t.errors + t.non2xx;
  return {
    timestamp: new Date().toISOString(),
    machine,
    settings,
    closed: closed.map((t) => ({ ...t, ratioToRaw: round(ratio(t), 3) })),
    open,
    balanceToStockTrpc: round(vsStock, 3),
    checks: [
      { goal: `credits.balance req/s >= ${GOALS.minRatioToStock}x stock tRPC hello`, actual: `${vsStock.toFixed(2)}x`, pass: vsStock >= GOALS.minRatioToStock },
      { goal: `credits.balance p99 <= ${GOALS.maxP99Ms} ms (200 connections)`, actual: `${balance.p99Ms} ms`, pass: balance.p99Ms <= GOALS.maxP99Ms },
      { goal: 'credits.balance 0 errors + non-2xx', actual: String(failures(balance) + failures(open)), pass: failures(balance) + failures(open) === 0 },
      { goal: `open model at ${OPEN_MODEL_SHARE * 100} % of max: p99 <= ${GOALS.maxOpenP99Ms} ms`, actual: `${open.p99Ms} ms`, pass: open.p99Ms <= GOALS.maxOpenP99Ms },
    ],
  };
}

function renderReport(results) {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors+non-2xx', 'vs raw'];
  const row = (t) => [t.name, Math.round(t.requestsPerSec).toLocaleString('en-US'), String(t.p50Ms), String(t.p99Ms), String(t.errors + t.non2xx), t.ratioToRaw === undefined ? '' : `${t.ratioToRaw.toFixed(2)}x`];
  const { machine, settings } = results;
  return [
    '',
    `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, API server processes: ${settings.serverProcesses}, load average before: ${machine.loadAverage1m}`,
    `${settings.connections} connections, ${settings.durationS} s per target after ${settings.warmupS} s warm-up; rate limits scaled ×${settings.rateLimitScale}`,
    '',
    ...renderTable(header, [...results.closed.map(row), row(results.open)]),
    '',
    `credits.balance / stock tRPC hello: ${results.balanceToStockTrpc.toFixed(2)}x`,
    `open model: one server process's event-loop delay p99 during the run: ${results.open.serverEventLoopP99Ms} ms`,
    '',
    'Targets:',
    ...results.checks.map((c) => `${c.pass ? 'PASS' : 'MISS'}  ${c.goal} (got ${c.actual})`),
    '',
  ].join('\n');
}

if (isMainModule(import.meta.url)) {
  benchApi({ env: process.env }).catch((error) => {
    process.stderr.write(`bench-api failed: ${error.message}\n`);
    process.exitCode = 1;
  });
}
