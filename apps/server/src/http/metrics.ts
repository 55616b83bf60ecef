import type { ServerResponse } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Prometheus metrics of this server process (each cluster process answers for itself): the
 * default Node set, including event-loop delay percentiles from monitorEventLoopDelay, which
 * prom-client resets after every scrape, so each scrape covers the time since the last one.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  return async function serve(res: ServerResponse) {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(body);
  };
}
