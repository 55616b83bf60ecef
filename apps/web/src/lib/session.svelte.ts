import { authClient } from './auth';

/** The signed-in user as the UI knows it; refreshed after sign-in/out. */
export const session = $state<{ loaded: boolean; email: string | null }>({ loaded: false, email: null });

export async function refreshSession() {
  const { data } = await authClient.getSession();
  session.email = data?.user.email ?? null;
  session.loaded = true;
}
