import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ out: 'build' }),
      // SvelteKit's origin check refuses every form POST without an Origin header, which is how mail
      // providers send RFC 8058 one-click unsubscribes to /email/unsubscribe. hooks.server.ts applies
      // the same check to the app's own routes instead, and forwards API paths to the server untouched.
      csrf: { trustedOrigins: ['*'] },
    }),
  ],
});
