import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { JobAdmission, type PipelineQueue, type Plan, type SlotJob } from '@clipforge/core';
import { RedisJobSlots } from '../src/index.js';

const prefix = `${process.env.REDIS_PREFIX}-slots-${randomUUID().slice(0, 8)}`;
let clock = 1_000_000;
const slots = new RedisJobSlots(process.env.REDIS_URL!, prefix, 60_000, () => clock);
const LEASE_MS = 60_000;

afterAll(() => slots.close());

const imp = (id: string): SlotJob => ({ kind: 'import', id });
const org = () => `org-${randomUUID().slice(0, 8)}`;

describe('job slots (Redis)', () => {
  it('admits exactly the limit from many concurrent submissions and lines up the rest in order', async () => {
    const orgId = org();
    const jobs = Array.from({ length: 20 }, (_, i) => imp(`p${String(i).padStart(2, '0')}`));
    const admitted = await Promise.all(jobs.map((job) => slots.acquire(orgId, job, 2)));
    expect(admitted.filter(Boolean)).toHaveLength(2);
    const running = jobs.filter((_, i) => admitted[i]);
    const waiting = jobs.filter((_, i) => !admitted[i]);

    // Each finished job hands its slot to the next in line, first come first served.
    const started: SlotJob[] = [];
    for (const job of running) started.push(...(await slots.release(orgId, job, 2)));
    expect(started).toEqual(waiting.slice(0, 2));
    expect(await slots.ownerOf(waiting[5]!)).toBe(orgId);
    expect(await slots.waitingOrgs()).toContain(orgId);
  });

  it('keeps organizations apart, admits a retried job again, and frees a lapsed slot', async () => {
    const [a, b] = [org(), org()];
    expect(await slots.acquire(a, imp('a1'), 1)).toBe(true);
    expect(await slots.acquire(b, imp('b1'), 1)).toBe(true); // another organization's slot
    expect(await slots.acquire(a, imp('a1'), 1)).toBe(true); // the same job again (a retry) keeps its slot
    expect(await slots.acquire(a, imp('a2'), 1)).toBe(false);
    expect(await slots.acquire(a, imp('a2'), 1)).toBe(false); // already waiting: not queued twice

    clock += LEASE_MS + 1; // a1's release was lost; its lease runs out
    expect(await slots.release(a, null, 1)).toEqual([imp('a2')]);
    expect(await slots.release(a, null, 1)).toEqual([]);
  });

  it('puts a job that could not be queued back at the front of the line, and renews a running job’s lease', async () => {
    const orgId = org();
    expect(await slots.acquire(orgId, imp('r1'), 1)).toBe(true);
    expect(await slots.acquire(orgId, imp('w1'), 1)).toBe(false);
    expect(await slots.acquire(orgId, imp('w2'), 1)).toBe(false);
    const [given] = await slots.release(orgId, imp('r1'), 1);
    expect(given).toEqual(imp('w1'));
    await slots.putBack(orgId, given!); // its enqueue failed
    expect(await slots.release(orgId, null, 1)).toEqual([imp('w1')]); // first again, before w2

    clock += LEASE_MS - 1000;
    await slots.renew(imp('w1')); // w1 starts late: its lease runs from now
    clock += 2000;
    expect(await slots.release(orgId, null, 1)).toEqual([]); // still held: w2 keeps waiting
  });

  it('JobAdmission queues at once within the plan and starts the next when one finishes', async () => {
    const orgId = org();
    const queued: string[] = [];
    const queue = { enqueueImport: async (id: string) => void queued.push(`import:${id}`), enqueueExport: async (id: string) => void queued.push(`export:${id}`) } as unknown as PipelineQueue;
    // Slots of its own: the sweep below looks at every organization with jobs waiting.
    const own = new RedisJobSlots(process.env.REDIS_URL!, `${prefix}-admission`, LEASE_MS);
    const admission = new JobAdmission({ slots: own, queue, planOf: async () => ({ concurrentJobs: 1 }) as Plan });
    expect(await admission.submit(orgId, imp('first'))).toBe('queued');
    expect(await admission.submit(orgId, { kind: 'export', id: 'second' })).toBe('waiting');
    expect(queued).toEqual(['import:first']);
    await admission.finished(imp('first'));
    expect(queued).toEqual(['import:first', 'export:second']);
    await admission.finished({ kind: 'export', id: 'second' });
    await admission.sweep(); // nothing left waiting: nothing more starts
    expect(queued).toHaveLength(2);

    // A failed enqueue gives the slot back: the next submission runs at once.
    const failing = new JobAdmission({ slots: own, queue: { enqueueImport: async () => { throw new Error('Redis is down'); } } as unknown as PipelineQueue, planOf: async () => ({ concurrentJobs: 1 }) as Plan });
    await expect(failing.submit(orgId, imp('lost'))).rejects.toThrow('Redis is down');
    expect(await admission.submit(orgId, imp('next'))).toBe('queued');
    own.close();
  });
});
