import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@clipforge/api';

export interface Credentials {
  baseUrl: string;
  email: string;
  password: string;
}

/** Signs in through better-auth's HTTP API and returns a typed client carrying the session cookie. */
export async function signIn({ baseUrl, email, password }: Credentials) {
  const response = await fetch(new URL('/api/auth/sign-in/email', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(baseUrl).origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    throw new Error(response.status === 401 ? 'Email or password is incorrect.' : `Sign-in failed (HTTP ${response.status}).`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: new URL('/trpc', baseUrl).toString(), headers: () => ({ cookie }) })],
  });
}
