/** Codes the domain speaks in; one place (packages/api) maps them to tRPC/HTTP status codes. */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'BAD_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'PAYMENT_REQUIRED'
  | 'UNAVAILABLE';

/** An expected failure whose message is safe to show to the user and says what to do. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
