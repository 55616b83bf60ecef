import { DomainError } from '../errors.js';
import type { Cache, CreditLedger } from '../ports/index.js';
import { creditsForDuration, PLAN_IDS, PLANS, TRIAL_DAYS, type Plan } from './plans.js';
import type { CreditAccount, CreditHistoryPage, NewCreditEntry } from './ledger.js';

/** Who asks: credits are always read for the actor's own organization. */
interface CreditActor {
  orgId: string;
}

const DAY_MS = 24 * 3600 * 1000;

const tooLongFor = (plan: Plan, durationSec: number) =>
  `This video is ${formatLength(durationSec)} long; the ${plan.name} plan takes videos up to ${formatLength(plan.maxDurationSec)}. Trim it, or upgrade your plan`;

/** "45 minutes", "2 hours", "2 h 30 min". */
function formatLength(sec: number): string {
  const minutes = Math.ceil(sec / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} hour${hours === 1 ? '' : 's'}`;
}
const BALANCE_TTL_SEC = 60;
const PRICING_TTL_SEC = 3600;

/** A cache that caches nothing, for callers without one. */
const NO_CACHE: Cache = { getOrLoad: (_key, _ttl, load) => load(), invalidate: async () => {} };

/** Where an account is cached; exported for tools that change balances outside this service. */
export const accountCacheKey = (orgId: string) => `credits:account:${orgId}`;

/**
 * Credits as the product uses them: a trial grant when an organization first needs an account,
 * a reservation when an import knows the video's length, then settled on success or refunded on
 * failure (one shared key, so only the first of the two ever applies).
 */
export class CreditService {
  constructor(
    private readonly ledger: CreditLedger,
    private readonly cache: Cache = NO_CACHE,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The organization's account, opened with its trial credits on first use. Cached for 60 s and
   * invalidated by every change made through this service, in any process.
   */
  async account(orgId: string): Promise<CreditAccount> {
    const cached = await this.cache.getOrLoad(accountCacheKey(orgId), BALANCE_TTL_SEC, async () => {
      const account = (await this.ledger.findAccount(orgId)) ?? (await this.open(orgId));
      return { ...account, trialEndsAt: account.trialEndsAt?.toISOString() ?? null };
    });
    return { ...cached, trialEndsAt: cached.trialEndsAt ? new Date(cached.trialEndsAt) : null };
  }

  /** The organization's plan: its limits (upload size, length, export resolution, watermark). */
  async planOf(orgId: string): Promise<Plan> {
    return PLANS[(await this.account(orgId)).plan];
  }

  /** Applies a ledger entry for the organization and drops its cached balance. */
  async apply(orgId: string, entry: Omit<NewCreditEntry, 'orgId'>) {
    const outcome = await this.ledger.apply({ ...entry, orgId });
    if (outcome.status === 'applied') await this.cache.invalidate(accountCacheKey(orgId));
    return outcome;
  }

  /** Drops the cached account (its plan changed outside the ledger). */
  forget(orgId: string) {
    return this.cache.invalidate(accountCacheKey(orgId));
  }

  /** Pricing from its one source (the plan table), cached for an hour. */
  plans(): Promise<Plan[]> {
    return this.cache.getOrLoad('pricing:plans', PRICING_TTL_SEC, async () => PLAN_IDS.map((id) => PLANS[id]));
  }

  private async open(orgId: string): Promise<CreditAccount> {
    await this.ledger.openAccount(orgId, 'FREE', new Date(this.now().getTime() + TRIAL_DAYS * DAY_MS));
    await this.ledger.apply({ orgId, type: 'grant', amount: PLANS.FREE.monthlyCredits, idempotencyKey: `grant:trial:${orgId}`, note: 'Trial credits' });
    return (await this.ledger.findAccount(orgId))!;
  }

  /**
   * What an import of `durationSec` would cost, checked before the upload starts; `problem` says
   * why it would be refused (too long for the plan, or not enough credits), in the user's words.
   */
  async estimate(actor: CreditActor, durationSec: number) {
    const { balance, plan: planId } = await this.account(actor.orgId);
    const plan = PLANS[planId];
    const cost = creditsForDuration(durationSec);
    const enough = balance >= cost;
    const withinPlan = durationSec <= plan.maxDurationSec;
    const problem = !withinPlan
      ? tooLongFor(plan, durationSec)
      : enough
        ? null
        : `This video needs ${cost} credit${cost === 1 ? '' : 's'} (1 per started minute); your organization has ${balance}. Buy credits or upgrade on the Credits page, then upload it.`;
    return { cost, balance, enough, withinPlan, maxDurationSec: plan.maxDurationSec, problem };
  }

  history(actor: CreditActor, page: { limit: number; cursor: string | null }): Promise<CreditHistoryPage> {
    return this.ledger.history(actor.orgId, page);
  }

  /**
   * Reserves the credits a video of `durationSec` costs; PAYMENT_REQUIRED when the balance is short
   * or the video is longer than the plan takes.
   */
  async reserveForImport(orgId: string, projectId: string, durationSec: number): Promise<number> {
    const plan = PLANS[(await this.account(orgId)).plan];
    if (durationSec > plan.maxDurationSec) throw new DomainError('PAYMENT_REQUIRED', `${tooLongFor(plan, durationSec)}, then import it again.`);
    const cost = creditsForDuration(durationSec);
    const outcome = await this.ledger.apply({ orgId, type: 'reserve', amount: -cost, idempotencyKey: `reserve:${projectId}`, projectId });
    if (outcome.status === 'applied') await this.cache.invalidate(accountCacheKey(orgId));
    if (outcome.status === 'insufficient') {
      const minutes = Math.ceil(durationSec / 60);
      throw new DomainError(
        'PAYMENT_REQUIRED',
        `This video is ${minutes} minute${minutes === 1 ? '' : 's'} long and needs ${cost} credit${cost === 1 ? '' : 's'}; your organization has ${outcome.balance}. ` +
          'Buy credits or upgrade your plan, then import it again.',
      );
    }
    return cost;
  }

  /** The import finished: the reservation becomes the charge. */
  settleImport(orgId: string, projectId: string) {
    return this.close(orgId, projectId, 'settle');
  }

  /** The import failed: the reserved credits go back. */
  refundImport(orgId: string, projectId: string) {
    return this.close(orgId, projectId, 'refund');
  }

  private async close(orgId: string, projectId: string, type: 'settle' | 'refund') {
    const reserve = await this.ledger.findByKey(`reserve:${projectId}`);
    if (!reserve) return;
    const outcome = await this.ledger.apply({
      orgId,
      type,
      amount: type === 'refund' ? -reserve.amount : 0,
      idempotencyKey: `reservation-closed:${projectId}`,
      projectId,
    });
    if (outcome.status === 'applied') await this.cache.invalidate(accountCacheKey(orgId));
  }
}
