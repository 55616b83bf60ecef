import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportedAssets, NewProject, Project, ProjectPage, ProjectRepository, VideoMetadata } from '@clipforge/core';
import { ProjectSchema, type ProjectEntity } from '../entities/project.entity.js';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';

/** Projects in PostgreSQL. Every org-facing query filters by org id inside the WHERE clause. */
export class MikroProjectRepository implements ProjectRepository {
  /** `em` returns the request's or job's forked EntityManager. */
  constructor(private readonly em: () => EntityManager) {}

  async create(input: NewProject): Promise<Project> {
    const em = this.em();
    const entity = em.create(ProjectSchema, { ...input, sourceUrl: input.sourceUrl ?? null, status: 'uploaded', stage: null, progress: 0 });
    await em.persist(entity).flush();
    return toProject(entity);
  }

  async findInOrg(orgId: string, id: string): Promise<Project | null> {
    const entity = await this.em().findOne(ProjectSchema, { id, orgId }, { refresh: true });
    return entity ? toProject(entity) : null;
  }

  async findById(id: string): Promise<Project | null> {
    const entity = await this.em().findOne(ProjectSchema, { id }, { refresh: true });
    return entity ? toProject(entity) : null;
  }

  async listInOrg(orgId: string, page: { limit: number; cursor: string | null }): Promise<ProjectPage> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows = await this.em().find(
      ProjectSchema,
      after
        ? { orgId, $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] }
        : { orgId },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.limit + 1 },
    );
    const items = rows.slice(0, page.limit).map(toProject);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null };
  }

  async rename(orgId: string, id: string, name: string): Promise<Project | null> {
    const updated = await this.em().nativeUpdate(ProjectSchema, { id, orgId }, { name, updatedAt: new Date() });
    return updated ? this.findInOrg(orgId, id) : null;
  }

  async deleteInOrg(orgId: string, id: string): Promise<boolean> {
    return (await this.em().nativeDelete(ProjectSchema, { id, orgId })) > 0;
  }

  async setProgress(id: string, change: { status: Project['status']; stage: string | null; progress: number }) {
    await this.em().nativeUpdate(ProjectSchema, { id }, { ...change, updatedAt: new Date() });
  }

  async noteWaiting(id: string, stage: string) {
    await this.em().nativeUpdate(ProjectSchema, { id, status: 'uploaded' }, { stage, updatedAt: new Date() });
  }

  async markReady(id: string, result: { metadata: VideoMetadata } & ImportedAssets) {
    await this.em().nativeUpdate(
      ProjectSchema,
      { id },
      { ...result, status: 'ready', stage: null, progress: 100, failureReason: null, updatedAt: new Date() },
    );
  }

  async markFailed(id: string, reason: string) {
    await this.em().nativeUpdate(
      ProjectSchema,
      { id },
      { status: 'failed', failureReason: reason, progress: 100, updatedAt: new Date() },
    );
  }
}

function toProject(entity: ProjectEntity): Project {
  return {
    id: entity.id,
    orgId: entity.orgId,
    createdBy: entity.createdBy,
    name: entity.name,
    status: entity.status,
    stage: entity.stage ?? null,
    progress: entity.progress,
    failureReason: entity.failureReason ?? null,
    sourceKey: entity.sourceKey,
    sourceUrl: entity.sourceUrl ?? null,
    posterKey: entity.posterKey ?? null,
    audioKey: entity.audioKey ?? null,
    spriteKey: entity.spriteKey ?? null,
    sprite: entity.sprite ?? null,
    metadata: entity.metadata ?? null,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
