import { betterAuth } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { organization } from 'better-auth/plugins';
import type pg from 'pg';

export interface AuthOptions {
  pool: pg.Pool;
  secret: string;
  /** The origin users open (cookies and redirects are issued for it). */
  baseURL: string;
  trustedOrigins?: string[];
  /** Called after a user joins or leaves an organization (the actor resolver caches memberships). */
  onMembershipChange?: (userId: string) => Promise<void>;
  /**
   * Called once a new user and their organization exist (the welcome mail). Not awaited: sign-up
   * never waits for, or fails because of, what it starts.
   */
  onUserCreated?: (user: { id: string; email: string }) => void;
}

/**
 * better-auth with email + password and organizations. Every new user gets an organization of their
 * own at sign-up, so a signed-in request always has an org to scope by (see session.ts).
 */
export function createAuth(options: AuthOptions) {
  const changed = options.onMembershipChange ?? (async () => {});
  const membersOfDeleted = new Map<string, string[]>();
  const auth = betterAuth({
    database: options.pool,
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    trustedOrigins: options.trustedOrigins ?? [options.baseURL],
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    session: { cookieCache: { enabled: true, maxAge: 60 } },
    advanced: { useSecureCookies: options.baseURL.startsWith('https://') },
    plugins: [
      organization({
        allowUserToCreateOrganization: true,
        organizationHooks: {
          afterCreateOrganization: ({ user }) => changed(user.id),
          afterAddMember: ({ user }) => changed(user.id),
          afterAcceptInvitation: ({ user }) => changed(user.id),
          afterRemoveMember: ({ user }) => changed(user.id),
          // Who to tell is read before (afterwards the members are gone), and told after as well, so
          // a request that reloaded a membership in between does not keep it.
          beforeDeleteOrganization: async ({ organization: org }) => {
            const { rows } = await options.pool.query<{ userId: string }>(`select "userId" from "member" where "organizationId" = $1`, [org.id]);
            membersOfDeleted.set(org.id, rows.map((r) => r.userId));
            await Promise.all(rows.map((r) => changed(r.userId)));
          },
          afterDeleteOrganization: async ({ organization: org }) => {
            const members = membersOfDeleted.get(org.id) ?? [];
            membersOfDeleted.delete(org.id);
            await Promise.all(members.map((userId) => changed(userId)));
          },
        },
      }),
    ],
    hooks: {
      // Leaving an organization runs no organization hook.
      after: createAuthMiddleware(async (ctx) => {
        const userId = ctx.context.session?.user.id;
        if (ctx.path === '/organization/leave' && userId) await changed(userId);
      }),
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await auth.api.createOrganization({
              body: { name: workspaceName(user.name, user.email), slug: `ws-${user.id.toLowerCase()}`, userId: user.id },
            });
            options.onUserCreated?.({ id: user.id, email: user.email });
          },
        },
      },
    },
  });
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

function workspaceName(name: string | undefined, email: string): string {
  const who = name?.trim() || email.split('@')[0] || 'My';
  return `${who}'s workspace`.slice(0, 100);
}
