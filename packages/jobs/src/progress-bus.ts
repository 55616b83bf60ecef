import { Redis } from 'ioredis';
import { z } from 'zod';
import { ANALYSIS_STATUSES, EXPORT_STATUSES, PROJECT_STATUSES, TRANSCRIPT_STATUSES, type ProgressBus, type ProjectProgressEvent } from '@clipforge/core';

const progressEvent = z.object({
  projectId: z.string(),
  status: z.enum(PROJECT_STATUSES),
  stage: z.string().nullable(),
  progress: z.number().min(0).max(100),
  failureReason: z.string().nullable(),
  transcript: z
    .object({ status: z.enum(TRANSCRIPT_STATUSES), progress: z.number().min(0).max(100), failureReason: z.string().nullable() })
    .nullable(),
  // Defaulted: workers from before this field existed may still publish during a rolling deploy.
  moments: z
    .object({ status: z.enum(ANALYSIS_STATUSES), progress: z.number().min(0).max(100), failureReason: z.string().nullable() })
    .nullable()
    .default(null),
  export: z
    .object({ exportId: z.string(), status: z.enum(EXPORT_STATUSES), progress: z.number().min(0).max(100), failureReason: z.string().nullable() })
    .nullable(),
});

/**
 * Progress over Redis pub/sub, so a browser's SSE connection on any server process hears the
 * worker that runs its job. One subscriber connection per process, fanned out per project.
 */
export class RedisProgressBus implements ProgressBus {
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private readonly listeners = new Map<string, Set<(event: ProjectProgressEvent) => void>>();

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    this.publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  }

  private channel(projectId: string) {
    return `${this.prefix}:progress:${projectId}`;
  }

  async publish(event: ProjectProgressEvent): Promise<void> {
    await this.publisher.publish(this.channel(event.projectId), JSON.stringify(event));
  }

  async subscribe(projectId: string, listener: (event: ProjectProgressEvent) => void) {
    const channel = this.channel(projectId);
    const subscriber = this.ensureSubscriber();
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await subscriber.subscribe(channel);
    }
    set.add(listener);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        await subscriber.unsubscribe(channel).catch(() => {});
      }
    };
  }

  private ensureSubscriber(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    subscriber.on('message', (channel: string, message: string) => {
      const parsed = progressEvent.safeParse(safeJson(message));
      if (!parsed.success) return;
      for (const listener of this.listeners.get(channel) ?? []) listener(parsed.data);
    });
    subscriber.on('error', () => {}); // ioredis reconnects by itself; health checks report Redis.
    this.subscriber = subscriber;
    return subscriber;
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber?.disconnect();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
