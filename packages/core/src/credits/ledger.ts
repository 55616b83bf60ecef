import type { PlanId } from './plans.js';

export const CREDIT_ENTRY_TYPES = ['grant', 'purchase', 'reserve', 'settle', 'refund', 'adjustment', 'expiry'] as const;
export type CreditEntryType = (typeof CREDIT_ENTRY_TYPES)[number];

/** One append-only ledger row. `amount` is signed: debits are negative. */
export interface CreditEntry {
  id: string;
  orgId: string;
  type: CreditEntryType;
  amount: number;
  balanceAfter: number;
  /** Unique: applying the same key twice has the effect of applying it once. */
  idempotencyKey: string;
  projectId: string | null;
  note: string | null;
  createdAt: Date;
}

export interface CreditAccount {
  orgId: string;
  balance: number;
  plan: PlanId;
  trialEndsAt: Date | null;
}

export interface NewCreditEntry {
  orgId: string;
  type: CreditEntryType;
  amount: number;
  idempotencyKey: string;
  projectId?: string | null;
  note?: string | null;
}

export type ApplyOutcome =
  | { status: 'applied'; balance: number }
  | { status: 'duplicate'; balance: number }
  | { status: 'insufficient'; balance: number };

export interface CreditHistoryPage {
  items: CreditEntry[];
  nextCursor: string | null;
}
