import http from 'node:http';
import type { Logger } from 'pino';
import type { ServerEnv } from '@clipforge/config';
import { createContainer } from './container.js';
import { createRequestHandler } from './http/app.js';

const DRAIN_TIMEOUT_MS = 25_000;
const REQUEST_INACTIVITY_TIMEOUT_MS = 30_000;

/** One HTTP server process: serves until SIGTERM, then drains in-flight requests and exits. */
export async function runHttpProcess(env: ServerEnv, log: Logger) {
  const container = await createContainer(env, log);
  let shuttingDown = false;
  const handler = createRequestHandler(container, () => shuttingDown);
  const server = http.createServer(
    // The seeds' tuning: keep-alive outlives load balancers' 60 s idle timeout, headers must arrive
    // within 66 s. Node requires headersTimeout ≤ requestTimeout, so the seeds' 30 s "request
    // timeout" is the socket inactivity timeout below: a request or response that stalls for 30 s is
    // cut, while a long upload that keeps moving is not.
    { keepAliveTimeout: 65_000, headersTimeout: 66_000, requestTimeout: 0, maxHeaderSize: 16 * 1024 },
    (req, res) => void handler(req, res),
  );
  server.setTimeout(REQUEST_INACTIVITY_TIMEOUT_MS);
  server.maxHeadersCount = 2000;
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  log.info({ port: env.PORT }, 'server process listening');

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'draining in-flight requests');
    const forced = setTimeout(() => {
      log.warn('drain timed out; closing remaining connections');
      server.closeAllConnections();
    }, DRAIN_TIMEOUT_MS);
    forced.unref();
    // close() stops accepting and resolves once every in-flight request has finished.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    clearTimeout(forced);
    await container.close();
    log.info('server process stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
