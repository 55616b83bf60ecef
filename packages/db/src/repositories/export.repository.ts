import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClipExport, ExportRepository, ExportSpec } from '@clipforge/core';
import { ExportSchema, type ExportEntity } from '../entities/export.entity.js';

/** Exports in PostgreSQL; the org-facing list filters by organization in the WHERE clause. */
export class MikroExportRepository implements ExportRepository {
  constructor(private readonly em: () => EntityManager) {}

  async create(input: ExportSpec & { id: string; projectId: string; orgId: string }): Promise<ClipExport> {
    const em = this.em();
    const entity = em.create(ExportSchema, { ...input, status: 'queued', progress: 0, failureReason: null, videoKey: null, srtKey: null, vttKey: null });
    await em.persist(entity).flush();
    return toExport(entity);
  }

  async findById(id: string): Promise<ClipExport | null> {
    const entity = await this.em().findOne(ExportSchema, { id }, { refresh: true });
    return entity ? toExport(entity) : null;
  }

  async listForProject(orgId: string, projectId: string): Promise<ClipExport[]> {
    const rows = await this.em().find(ExportSchema, { orgId, projectId }, { orderBy: { createdAt: 'desc' }, limit: 100 });
    return rows.map(toExport);
  }

  async setProgress(id: string, progress: number) {
    await this.em().nativeUpdate(ExportSchema, { id }, { status: 'rendering', progress, updatedAt: new Date() });
  }

  async markReady(id: string, keys: { videoKey: string; srtKey: string; vttKey: string }) {
    await this.em().nativeUpdate(ExportSchema, { id }, { ...keys, status: 'ready', progress: 100, failureReason: null, updatedAt: new Date() });
  }

  async markFailed(id: string, reason: string) {
    await this.em().nativeUpdate(ExportSchema, { id }, { status: 'failed', progress: 100, failureReason: reason, updatedAt: new Date() });
  }
}

function toExport(e: ExportEntity): ClipExport {
  return {
    id: e.id,
    projectId: e.projectId,
    orgId: e.orgId,
    status: e.status,
    progress: e.progress,
    startMs: e.startMs,
    endMs: e.endMs,
    aspect: e.aspect,
    fit: e.fit,
    captionStyle: e.captionStyle,
    failureReason: e.failureReason ?? null,
    videoKey: e.videoKey ?? null,
    srtKey: e.srtKey ?? null,
    vttKey: e.vttKey ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
