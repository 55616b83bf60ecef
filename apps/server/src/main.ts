import cluster from 'node:cluster';
import { pino } from 'pino';
import { loadEnvOrExit, serverEnv } from '@clipforge/config';
import { runClusterPrimary } from './cluster-primary.js';
import { runHttpProcess } from './http-process.js';

const env = loadEnvOrExit(serverEnv, 'apps/server');
const log = pino({
  level: env.LOG_LEVEL,
  base: { service: 'server', pid: process.pid },
  // Sessions and tokens never reach the logs.
  redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
});

if (cluster.isPrimary) {
  runClusterPrimary(env.SERVER_PROCESSES, log);
} else {
  runHttpProcess(env, log).catch((error: unknown) => {
    log.fatal({ err: error }, 'server process failed to start');
    process.exit(1);
  });
}
