/** Plans, from one source: what each includes and costs. Prices in US cents per month. */
export const PLAN_IDS = ['FREE', 'STARTER', 'PRO', 'BUSINESS', 'ENTERPRISE'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export interface Plan {
  id: PlanId;
  name: string;
  priceCents: number;
  /** Granted at each billing period (1 credit = 1 started minute of source video). */
  monthlyCredits: number;
  maxUploadBytes: number;
  maxDurationSec: number;
  /** Short side of exported clips, in pixels. */
  exportHeight: number;
  watermark: boolean;
  concurrentJobs: number;
  /** API requests per minute per organization. */
  rateLimitPerMinute: number;
}

const GB = 1024 ** 3;

export const PLANS: Record<PlanId, Plan> = {
  FREE: { id: 'FREE', name: 'Free', priceCents: 0, monthlyCredits: 60, maxUploadBytes: 2 * GB, maxDurationSec: 30 * 60, exportHeight: 720, watermark: true, concurrentJobs: 1, rateLimitPerMinute: 50 },
  STARTER: { id: 'STARTER', name: 'Starter', priceCents: 1500, monthlyCredits: 300, maxUploadBytes: 4 * GB, maxDurationSec: 2 * 3600, exportHeight: 1080, watermark: false, concurrentJobs: 2, rateLimitPerMinute: 100 },
  PRO: { id: 'PRO', name: 'Pro', priceCents: 2900, monthlyCredits: 900, maxUploadBytes: 8 * GB, maxDurationSec: 3 * 3600, exportHeight: 1080, watermark: false, concurrentJobs: 4, rateLimitPerMinute: 200 },
  BUSINESS: { id: 'BUSINESS', name: 'Business', priceCents: 7900, monthlyCredits: 3000, maxUploadBytes: 16 * GB, maxDurationSec: 5 * 3600, exportHeight: 2160, watermark: false, concurrentJobs: 8, rateLimitPerMinute: 500 },
  ENTERPRISE: { id: 'ENTERPRISE', name: 'Enterprise', priceCents: 29900, monthlyCredits: 15000, maxUploadBytes: 32 * GB, maxDurationSec: 10 * 3600, exportHeight: 2160, watermark: false, concurrentJobs: 20, rateLimitPerMinute: 1000 },
};

/** New organizations start on FREE with this long a trial of its credits. */
export const TRIAL_DAYS = 14;

/** 1 credit = 1 started minute of source video. */
export const creditsForDuration = (durationSec: number) => Math.max(1, Math.ceil(durationSec / 60));

/** Credit top-ups sold through checkout. */
export const CREDIT_PACKS = [
  { credits: 100, priceCents: 1000 },
  { credits: 500, priceCents: 4000 },
  { credits: 2000, priceCents: 12000 },
] as const;
