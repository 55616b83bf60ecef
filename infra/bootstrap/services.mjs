// The three app processes and the environment each needs; shared by `npm start` and the tests.
export const SCRIPTS = {
  server: 'apps/server/dist/main.js',
  worker: 'apps/worker/dist/main.js',
  web: 'apps/web/build/index.js',
};

/** @param {{ stackEnv: Record<string,string>, webPort: number, serverPort: number, publicUrl: string }} o */
export function serviceEnvs({ stackEnv, webPort, serverPort, publicUrl }) {
  return {
    server: { ...stackEnv, PORT: String(serverPort), HOST: '127.0.0.1', PUBLIC_URL: publicUrl },
    // Links in mails start with PUBLIC_URL, so the worker needs it as well.
    worker: { ...stackEnv, PUBLIC_URL: publicUrl },
    web: { PORT: String(webPort), HOST: '127.0.0.1', API_URL: `http://127.0.0.1:${serverPort}`, BODY_SIZE_LIMIT: 'Infinity' },
  };
}
