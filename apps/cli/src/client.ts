import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AppRouter } from '@clipforge/api';

/** How the CLI proves who it is: an API token (preferred), or an email and password. */
export type Credentials = { token: string } | { email: string; password: string };

export interface Connection {
  baseUrl: string;
  /** The headers every request carries (Authorization or the session cookie). */
  headers: Record<string, string>;
  api: ReturnType<typeof typedClient>;
}

/** Reads CLIPFORGE_URL and CLIPFORGE_TOKEN (or CLIPFORGE_EMAIL + CLIPFORGE_PASSWORD). */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): { baseUrl: string; credentials: Credentials } {
  const baseUrl = env.CLIPFORGE_URL || 'http://localhost:3000';
  try {
    new URL(baseUrl);
  } catch {
    throw new Error(`CLIPFORGE_URL is not a URL: "${baseUrl}". Use the address you open ClipForge at, e.g. http://localhost:3000.`);
  }
  if (env.CLIPFORGE_TOKEN) return { baseUrl, credentials: { token: env.CLIPFORGE_TOKEN.trim() } };
  if (env.CLIPFORGE_EMAIL && env.CLIPFORGE_PASSWORD) return { baseUrl, credentials: { email: env.CLIPFORGE_EMAIL, password: env.CLIPFORGE_PASSWORD } };
  throw new Error('Set CLIPFORGE_TOKEN to an API token (Settings → API tokens in the web app), or CLIPFORGE_EMAIL and CLIPFORGE_PASSWORD.');
}

export async function connect(baseUrl: string, credentials: Credentials): Promise<Connection> {
  const headers: Record<string, string> = 'token' in credentials ? { authorization: `Bearer ${credentials.token}` } : { cookie: await signIn(baseUrl, credentials) };
  return { baseUrl, headers, api: typedClient(baseUrl, headers) };
}

function typedClient(baseUrl: string, headers: Record<string, string>) {
  const url = new URL('/trpc', baseUrl).toString();
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // Progress arrives over Server-sent Events; Node has no EventSource of its own, and this
        // one lets the request carry our headers.
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: () => ({ fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }) }),
        }),
        false: httpBatchLink({ url, headers: () => headers }),
      }),
    ],
  });
}

/** Signs in through better-auth's HTTP API and answers the session cookie. */
async function signIn(baseUrl: string, { email, password }: { email: string; password: string }) {
  const response = await fetch(new URL('/api/auth/sign-in/email', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(baseUrl).origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    throw new Error(response.status === 401 ? 'Email or password is incorrect.' : `Sign-in failed (HTTP ${response.status}).`);
  }
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** What to tell the user about a failure: the server's own message, or what to check. */
export function describeError(error: unknown, baseUrl: string): string {
  if (error instanceof TRPCClientError) {
    const cause = (error.cause as { code?: string } | undefined)?.code ?? (error.cause?.cause as { code?: string } | undefined)?.code;
    if (cause === 'ECONNREFUSED' || /fetch failed/.test(error.message)) return unreachable(baseUrl);
    return error.message;
  }
  if (error instanceof TypeError && /fetch failed/.test(error.message)) return unreachable(baseUrl);
  return error instanceof Error ? error.message : String(error);
}

const unreachable = (baseUrl: string) => `Cannot reach ClipForge at ${baseUrl}. Is it running? Set CLIPFORGE_URL to its address.`;
