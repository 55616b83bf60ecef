import { createHmac } from 'node:crypto';
import { z } from 'zod';

/** Mail settings both the server (outbox on or off) and the worker (sending) read. */
export const emailEnv = z.object({
  /** Resend's API key; unset, mails go to the dev outbox shown in the web app. */
  RESEND_API_KEY: z.string().optional(),
  /** Another Resend API endpoint (tests use a local stand-in); unset: api.resend.com. */
  RESEND_BASE_URL: z.url().optional(),
  /** The sender, on a domain verified with Resend. */
  EMAIL_FROM: z.string().min(3).default('ClipForge <noreply@clipforge.local>'),
  /** Signs unsubscribe links; unset, derived from MEDIA_SIGNING_SECRET. */
  EMAIL_UNSUBSCRIBE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
});

/**
 * The key for unsubscribe links: its own secret when set, else one derived from the media signing
 * secret (so nothing new is needed to run; both processes derive the same key).
 */
export function unsubscribeSecret(env: { EMAIL_UNSUBSCRIBE_SECRET?: string | undefined; MEDIA_SIGNING_SECRET: string }): string {
  return env.EMAIL_UNSUBSCRIBE_SECRET ?? createHmac('sha256', env.MEDIA_SIGNING_SECRET).update('clipforge email unsubscribe links').digest('base64url');
}
