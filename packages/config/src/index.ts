export { EnvError, parseEnv, loadEnvOrExit } from './env.js';
export { commonEnv, serverEnv, workerEnv, s3Options } from './schemas.js';
export { unsubscribeSecret } from './email.js';
export type { CommonEnv, ServerEnv, WorkerEnv } from './schemas.js';
