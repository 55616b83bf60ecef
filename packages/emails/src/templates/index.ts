import type { EmailKind } from '@clipforge/core';
import type { EmailTemplate } from '../template.js';
import { welcome } from './welcome.js';
import { onboardingDay1 } from './onboarding-day-1.js';
import { onboardingDay3 } from './onboarding-day-3.js';
import { trialExpiring } from './trial-expiring.js';
import { weeklySummary } from './weekly-summary.js';
import { inactivity } from './inactivity.js';
import { exportReady } from './export-ready.js';
import { paymentFailed } from './payment-failed.js';
import { creditsLow } from './credits-low.js';

/** Exactly one template per kind: the mapped type makes a missing one a compile error. */
export const TEMPLATES: { [K in EmailKind]: EmailTemplate<K> } = {
  welcome,
  'onboarding-day-1': onboardingDay1,
  'onboarding-day-3': onboardingDay3,
  'trial-expiring': trialExpiring,
  'weekly-summary': weeklySummary,
  inactivity,
  'export-ready': exportReady,
  'payment-failed': paymentFailed,
  'credits-low': creditsLow,
};
