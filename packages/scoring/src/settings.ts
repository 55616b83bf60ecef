import type { LengthPreset, MomentSteering, PlatformPreset, SubScores, TimeRange } from '@clipforge/core';

export type Weights = Record<keyof SubScores, number>;

interface Preset {
  minSec: number;
  maxSec: number;
  weights: Weights;
}

const BALANCED: Weights = { hook: 0.3, emotion: 0.15, value: 0.25, energy: 0.1, standalone: 0.2 };

// Short-video feeds reward the first seconds and feeling; LinkedIn rewards substance.
const PLATFORMS: Record<PlatformPreset, Preset> = {
  tiktok: { minSec: 15, maxSec: 45, weights: { hook: 0.35, emotion: 0.2, value: 0.15, energy: 0.15, standalone: 0.15 } },
  shorts: { minSec: 20, maxSec: 58, weights: { hook: 0.35, emotion: 0.15, value: 0.2, energy: 0.15, standalone: 0.15 } },
  reels: { minSec: 15, maxSec: 60, weights: { hook: 0.3, emotion: 0.25, value: 0.15, energy: 0.15, standalone: 0.15 } },
  linkedin: { minSec: 30, maxSec: 90, weights: { hook: 0.2, emotion: 0.1, value: 0.4, energy: 0.05, standalone: 0.25 } },
};

const LENGTHS: Record<LengthPreset, { minSec: number; maxSec: number }> = {
  '15-30': { minSec: 15, maxSec: 30 },
  '30-60': { minSec: 30, maxSec: 60 },
  '60-90': { minSec: 60, maxSec: 90 },
};

export const DEFAULT_COUNT = 10;

export interface EffectiveSettings {
  count: number;
  minMs: number;
  maxMs: number;
  /** The length clips aim for: the middle of the range. */
  targetMs: number;
  weights: Weights;
  keywords: string[];
  excludeRanges: TimeRange[];
  platform: PlatformPreset | null;
}

/** Steering and presets folded into one set of numbers; an explicit length wins over the platform's. */
export function effectiveSettings(steering: MomentSteering = {}): EffectiveSettings {
  const platform = steering.platform ?? null;
  const preset = platform ? PLATFORMS[platform] : { ...LENGTHS['30-60'], weights: BALANCED };
  const length = typeof steering.length === 'string' ? LENGTHS[steering.length] : (steering.length ?? preset);
  const minMs = Math.round(length.minSec * 1000);
  const maxMs = Math.round(Math.max(length.maxSec, length.minSec) * 1000);
  return {
    count: Math.min(30, Math.max(1, Math.round(steering.count ?? DEFAULT_COUNT))),
    minMs,
    maxMs,
    targetMs: (minMs + maxMs) / 2,
    weights: preset.weights,
    keywords: [...new Set((steering.keywords ?? []).map((k) => k.trim().toLowerCase()).filter(Boolean))],
    excludeRanges: (steering.excludeRanges ?? []).filter((r) => r.endMs > r.startMs),
    platform,
  };
}
