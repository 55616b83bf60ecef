import type { ApplyOutcome, CreditAccount, CreditEntry, CreditHistoryPage, NewCreditEntry } from '../credits/ledger.js';
import type { PlanId } from '../credits/plans.js';

/**
 * The credit ledger. `apply` writes the ledger row and moves the balance in one transaction; the
 * balance never goes below zero (a conditional update, plus a CHECK constraint), and a repeated
 * idempotency key changes nothing.
 */
export interface CreditLedger {
  findAccount(orgId: string): Promise<CreditAccount | null>;
  /** Creates the account (balance 0) if it does not exist yet. */
  openAccount(orgId: string, plan: PlanId, trialEndsAt: Date | null): Promise<void>;
  apply(entry: NewCreditEntry): Promise<ApplyOutcome>;
  findByKey(idempotencyKey: string): Promise<CreditEntry | null>;
  /** Newest first, keyset-paginated. */
  history(orgId: string, page: { limit: number; cursor: string | null }): Promise<CreditHistoryPage>;
}
