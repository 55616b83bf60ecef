import { provisionStack } from '../stack.mjs';
import { buildAll } from '../build.mjs';
import { runMigrations } from './migrate.mjs';
import { createSupervisor, waitForHttp } from '../processes.mjs';
import { SCRIPTS, serviceEnvs } from '../services.mjs';
import { say } from '../log.mjs';

export async function main() {
  const started = Date.now();
  const webPort = Number(process.env.WEB_PORT ?? 3000);
  const serverPort = Number(process.env.SERVER_PORT ?? 3001);
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${webPort}`;
  buildAll();
  const stack = await provisionStack({ profile: 'dev' });
  const supervisor = createSupervisor();
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await supervisor.stopAll();
    await stack.stop();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    await runMigrations(stack.env.DATABASE_URL);
    const envs = serviceEnvs({ stackEnv: stack.env, webPort, serverPort, publicUrl });
    const onExit = (name) => ({ code, signal }) => {
      if (!stopping) {
        say(`${name} exited (${signal ?? code}); stopping everything`);
        void stop(1);
      }
    };
    for (const name of ['server', 'worker', 'web']) supervisor.startService(name, SCRIPTS[name], envs[name], { onExit: onExit(name) });
    await waitForHttp(`http://127.0.0.1:${serverPort}/health/ready`);
    await waitForHttp(`http://127.0.0.1:${webPort}/`);
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s — open ${publicUrl}  (Ctrl-C stops everything)`);
  } catch (error) {
    console.error(`[clipforge] ${error.message}`);
    await stop(1);
  }
}
