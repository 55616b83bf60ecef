import type { EmailQueue, EmailSendStore, LifecycleAudience } from '../ports/email.js';
import type { EmailService } from './email-service.js';
import { localTime } from './time-zone.js';

const DAY_MS = 24 * 3600 * 1000;
/** Trial-expiring mails go out within this long of the trial's end. */
const TRIAL_NOTICE_MS = 3 * DAY_MS;
const INACTIVE_MS = 14 * DAY_MS;
const WEEKLY_SUMMARY_HOUR = 10;
/** A claim still queued after this long lost its enqueue (Redis was down, the process died). */
const STALE_QUEUED_MS = 2 * 60 * 1000;

export interface LifecycleSchedulerDeps {
  audience: LifecycleAudience;
  emails: EmailService;
  sends: EmailSendStore;
  queue: EmailQueue;
}

/**
 * Decides which scheduled mails are due at `now` (an injected clock, so tests can run a week in
 * seconds) and asks for them. Every mail has a key (user, kind, period) that is claimed once in
 * PostgreSQL, so ticking often, from any number of worker processes, after restarts or again over
 * the same time, sends nothing twice. A tick that comes late still finds what is due: each window
 * is at least a day wide.
 */
export class LifecycleScheduler {
  constructor(private readonly deps: LifecycleSchedulerDeps) {}

  async tick(now: Date) {
    await this.onboarding(now, 1, 'onboarding-day-1');
    await this.onboarding(now, 3, 'onboarding-day-3');
    await this.trialExpiring(now);
    await this.weeklySummary(now);
    await this.inactivity(now);
    await this.requeueStale();
  }

  /** Day N: users who signed up between N and N+1 days ago. */
  private async onboarding(now: Date, day: number, kind: 'onboarding-day-1' | 'onboarding-day-3') {
    const users = await this.deps.audience.createdBetween(new Date(now.getTime() - (day + 1) * DAY_MS), new Date(now.getTime() - day * DAY_MS));
    for (const { userId } of users) await this.deps.emails.request(userId, kind, 'once', {});
  }

  /** Once per trial, in the three days before it ends (members of organizations still on the trial). */
  private async trialExpiring(now: Date) {
    const trials = await this.deps.audience.trialsEndingBetween(now, new Date(now.getTime() + TRIAL_NOTICE_MS));
    for (const trial of trials) {
      const ends = trial.trialEndsAt.toISOString();
      await this.deps.emails.request(trial.userId, 'trial-expiring', `trial:${trial.orgId}:${ends}`, { trialEndsAt: ends, creditsLeft: trial.balance });
    }
  }

  /** Mondays from 10:00 in each user's time zone, keyed by that Monday's date. */
  private async weeklySummary(now: Date) {
    // Users who signed up in the last day have no week to sum up yet.
    const users = await this.deps.audience.withTimeZones(new Date(now.getTime() - DAY_MS));
    for (const { userId, timeZone } of users) {
      const local = localTime(now, timeZone);
      if (local.weekday !== 1 || local.hour < WEEKLY_SUMMARY_HOUR) continue;
      const periodKey = `week:${local.date}`;
      if (await this.deps.emails.claimed(userId, 'weekly-summary', periodKey)) continue;
      const stats = await this.deps.audience.weeklyStats(userId, new Date(now.getTime() - 7 * DAY_MS), now);
      await this.deps.emails.request(userId, 'weekly-summary', periodKey, { weekOf: local.date, ...stats });
    }
  }

  /** Once per stretch of 14 days without activity: the key is when the user was last active. */
  private async inactivity(now: Date) {
    for (const { userId, lastActiveAt } of await this.deps.audience.inactiveSince(new Date(now.getTime() - INACTIVE_MS))) {
      const daysInactive = Math.floor((now.getTime() - lastActiveAt.getTime()) / DAY_MS);
      await this.deps.emails.request(userId, 'inactivity', `inactive-since:${lastActiveAt.toISOString()}`, { daysInactive });
    }
  }

  /** Enqueues again claims whose enqueue was lost; the job id and the send's status keep it to one mail. */
  private async requeueStale() {
    for (const sendId of await this.deps.sends.staleQueued(STALE_QUEUED_MS, 100)) await this.deps.queue.enqueueEmail(sendId);
  }
}
