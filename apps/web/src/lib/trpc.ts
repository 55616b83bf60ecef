import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@clipforge/api';

/** The typed API client: batched queries/mutations, SSE for subscriptions. */
export const api = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      false: httpBatchLink({ url: '/trpc' }),
    }),
  ],
});

export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    // Validation failures carry the issues; show their messages, not the path syntax.
    const issues = (error.data as { validation?: { message: string }[] | null } | undefined)?.validation;
    return issues?.length ? issues.map((i) => i.message).join('; ') : error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}
