import { Redis } from 'ioredis';
import type { JobSlots, SlotJob } from '@clipforge/core';

/*
 * Per organization: a sorted set of the jobs holding slots (score: lease end, ms) and a list of
 * the jobs waiting, in order. A hash remembers each job's organization; a set lists organizations
 * with jobs waiting. Every change is one Lua script, so any number of processes agree.
 */

/** KEYS: slots, waiting, owners, waitingOrgs. ARGV: member, limit, now, leaseMs, orgId. */
const ACQUIRE = `
redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[3])
redis.call('hset', KEYS[3], ARGV[1], ARGV[5])
if redis.call('zscore', KEYS[1], ARGV[1]) then return 1 end
if redis.call('lpos', KEYS[2], ARGV[1]) then return 0 end
if redis.call('llen', KEYS[2]) == 0 and redis.call('zcard', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('zadd', KEYS[1], tonumber(ARGV[3]) + tonumber(ARGV[4]), ARGV[1])
  return 1
end
redis.call('rpush', KEYS[2], ARGV[1])
redis.call('sadd', KEYS[4], ARGV[5])
return 0`;

/** KEYS: slots, waiting, owners, waitingOrgs. ARGV: member ('' for none), limit, now, leaseMs, orgId. */
const RELEASE = `
if ARGV[1] ~= '' then
  redis.call('zrem', KEYS[1], ARGV[1])
  redis.call('lrem', KEYS[2], 0, ARGV[1])
  redis.call('hdel', KEYS[3], ARGV[1])
end
redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[3])
local started = {}
while redis.call('zcard', KEYS[1]) < tonumber(ARGV[2]) do
  local nextJob = redis.call('lpop', KEYS[2])
  if not nextJob then break end
  redis.call('zadd', KEYS[1], tonumber(ARGV[3]) + tonumber(ARGV[4]), nextJob)
  table.insert(started, nextJob)
end
if redis.call('llen', KEYS[2]) == 0 then redis.call('srem', KEYS[4], ARGV[5]) end
return started`;

/** A slot outlives every attempt of its job (timeout × attempts, plus backoff), so it lapses only when a release was lost. */
export const slotLeaseMs = (jobTimeoutMs: number) => jobTimeoutMs * 3 + 10 * 60_000;

/** KEYS: slots, waiting, owners, waitingOrgs. ARGV: member, orgId. */
const PUT_BACK = `
redis.call('zrem', KEYS[1], ARGV[1])
if not redis.call('lpos', KEYS[2], ARGV[1]) then redis.call('lpush', KEYS[2], ARGV[1]) end
redis.call('sadd', KEYS[4], ARGV[2])
return 1`;

const member = (job: SlotJob) => `${job.kind}:${job.id}`;
const fromMember = (value: string): SlotJob => {
  const [kind, id] = value.split(':') as ['import' | 'export', string];
  return { kind, id };
};

export class RedisJobSlots implements JobSlots {
  private readonly redis: Redis;

  /**
   * `leaseMs`: how long a slot stays taken without a release: long enough for every attempt of a
   * job (timeout × attempts), so it only matters when a release was lost.
   */
  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly leaseMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    this.redis.on('error', () => {}); // callers see failed commands
  }

  private keys(orgId: string) {
    return [`${this.prefix}:slots:${orgId}`, `${this.prefix}:slots-waiting:${orgId}`, `${this.prefix}:slots-owner`, `${this.prefix}:slots-waiting-orgs`];
  }

  async acquire(orgId: string, job: SlotJob, limit: number): Promise<boolean> {
    const ran = await this.redis.eval(ACQUIRE, 4, ...this.keys(orgId), member(job), limit, this.now(), this.leaseMs, orgId);
    return ran === 1;
  }

  ownerOf(job: SlotJob): Promise<string | null> {
    return this.redis.hget(`${this.prefix}:slots-owner`, member(job));
  }

  async release(orgId: string, job: SlotJob | null, limit: number): Promise<SlotJob[]> {
    const started = (await this.redis.eval(RELEASE, 4, ...this.keys(orgId), job ? member(job) : '', limit, this.now(), this.leaseMs, orgId)) as string[];
    return started.map(fromMember);
  }

  async putBack(orgId: string, job: SlotJob): Promise<void> {
    await this.redis.eval(PUT_BACK, 4, ...this.keys(orgId), member(job), orgId);
  }

  async renew(job: SlotJob): Promise<void> {
    const orgId = await this.ownerOf(job);
    if (orgId) await this.redis.zadd(this.keys(orgId)[0]!, 'XX', this.now() + this.leaseMs, member(job));
  }

  waitingOrgs(): Promise<string[]> {
    return this.redis.smembers(`${this.prefix}:slots-waiting-orgs`);
  }

  close() {
    this.redis.disconnect();
  }
}
