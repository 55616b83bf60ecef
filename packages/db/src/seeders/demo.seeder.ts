import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { ProjectSchema } from '../entities/project.entity.js';

export interface DemoSeedContext {
  orgId: string;
  userId: string;
  /** Demo videos already in storage: one project per video. */
  videos: { name: string; sourceKey: (projectId: string) => string; store: (projectId: string) => Promise<void> }[];
  /** Filled with the ids of the projects created, so the caller can queue their imports. */
  createdIds: string[];
}

/**
 * Demo projects for the demo organization: real videos stored the way uploads are, rows in
 * `uploaded` state. Idempotent: an organization that already has projects is left alone.
 */
export class DemoSeeder extends Seeder<DemoSeedContext> {
  async run(em: EntityManager, context?: DemoSeedContext): Promise<void> {
    if (!context) throw new Error('DemoSeeder needs { orgId, userId, videos }');
    if ((await em.count(ProjectSchema, { orgId: context.orgId })) > 0) return;
    for (const video of context.videos) {
      const id = randomUUID();
      await video.store(id);
      em.create(ProjectSchema, {
        id,
        orgId: context.orgId,
        createdBy: context.userId,
        name: video.name,
        status: 'uploaded',
        stage: null,
        progress: 0,
        sourceKey: video.sourceKey(id),
      });
      context.createdIds.push(id);
    }
    await em.flush();
  }
}
