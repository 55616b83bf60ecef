import type { ServerResponse } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Prometheus metrics of this server process (each cluster process answers for itself): the
 * default Node set, including event-loop delay percentiles from monitorEventLoopDelay, which
 * prom-client resets after every scrape, so each scrape covers the time since the last one.
 * The histogram records whole sampling intervals, so its resolution is sampled every 1 ms (not
 * prom-client's default 10 ms): an idle loop then reads ~1 ms instead of ~10 ms.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 1 });
  return async function serve(res: ServerResponse) {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(body);
  };
}
