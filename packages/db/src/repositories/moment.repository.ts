import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AudioFeatures, MediaFeatures, Moment, MomentAnalysis, MomentCandidate, MomentRepository, MomentSteering, ScoringResult } from '@clipforge/core';
import { MomentAnalysisSchema, MomentSchema, type MomentAnalysisEntity, type MomentEntity } from '../entities/moment.entity.js';

/** Moments and their analysis in PostgreSQL; callers check the project's organization first. */
export class MikroMomentRepository implements MomentRepository {
  constructor(private readonly em: () => EntityManager) {}

  // Partial loads bypass the identity map: a partly loaded entity there would answer later reads
  // with the same stale subset.
  async findAnalysis(projectId: string): Promise<MomentAnalysis | null> {
    const entity = await this.em().findOne(MomentAnalysisSchema, { projectId }, { exclude: ['audio', 'sceneCutsMs'], disableIdentityMap: true });
    return entity ? toAnalysis(entity) : null;
  }

  async findFeatures(projectId: string): Promise<MediaFeatures | null> {
    const entity = await this.em().findOne(MomentAnalysisSchema, { projectId }, { fields: ['projectId', 'audio', 'sceneCutsMs'], disableIdentityMap: true });
    return entity ? { audio: entity.audio ?? null, sceneCutsMs: entity.sceneCutsMs ?? null } : null;
  }

  async startAnalysis(projectId: string): Promise<void> {
    // Insert or reset the stage state; steering and earlier measurements stay until replaced.
    await this.em()
      .getConnection()
      .execute(
        `insert into "moment_analysis" ("project_id", "status", "progress", "steering", "timeline", "updated_at")
         values (?, 'running', 0, '{}', '[]', now())
         on conflict ("project_id") do update set "status" = 'running', "progress" = 0, "failure_reason" = null, "updated_at" = now()`,
        [projectId],
      );
  }

  async setProgress(projectId: string, progress: number): Promise<void> {
    await this.em().nativeUpdate(MomentAnalysisSchema, { projectId }, { progress, updatedAt: new Date() });
  }

  async saveFeatures(projectId: string, audio: AudioFeatures | null, sceneCutsMs: number[] | null): Promise<void> {
    await this.em().nativeUpdate(MomentAnalysisSchema, { projectId }, { audio, sceneCutsMs, updatedAt: new Date() });
  }

  async saveResult(projectId: string, steering: MomentSteering, result: ScoringResult): Promise<Moment[]> {
    return this.em().transactional(async (em) => {
      await em.nativeDelete(MomentSchema, { projectId });
      const createdAt = new Date();
      const rows = result.moments.map((m, index) => ({ ...m, id: randomUUID(), projectId, rank: index + 1, trimmed: false, createdAt }));
      if (rows.length) await em.insertMany(MomentSchema, rows);
      await em.nativeUpdate(
        MomentAnalysisSchema,
        { projectId },
        {
          status: 'ready',
          progress: 100,
          failureReason: null,
          message: result.message,
          steering,
          timeline: result.timeline,
          settings: result.settings,
          updatedAt: createdAt,
        },
      );
      return rows.map((row) => ({ ...row }));
    });
  }

  async markFailed(projectId: string, reason: string): Promise<void> {
    await this.em().nativeUpdate(MomentAnalysisSchema, { projectId }, { status: 'failed', progress: 100, failureReason: reason, updatedAt: new Date() });
  }

  async list(projectId: string): Promise<Moment[]> {
    const rows = await this.em().find(MomentSchema, { projectId }, { orderBy: { score: 'desc', startMs: 'asc' }, refresh: true });
    return rows.map(toMoment);
  }

  async find(momentId: string): Promise<Moment | null> {
    const row = await this.em().findOne(MomentSchema, { id: momentId }, { refresh: true });
    return row ? toMoment(row) : null;
  }

  async replace(momentId: string, candidate: MomentCandidate): Promise<Moment> {
    const em = this.em();
    const row = await em.findOneOrFail(MomentSchema, { id: momentId });
    em.assign(row, { ...candidate, trimmed: true });
    await em.flush();
    return toMoment(row);
  }
}

/** Read from a row loaded without its media measurements. */
type AnalysisRow = Pick<MomentAnalysisEntity, 'projectId' | 'status' | 'progress' | 'failureReason' | 'message' | 'steering' | 'timeline' | 'settings' | 'updatedAt'>;

function toAnalysis(entity: AnalysisRow): MomentAnalysis {
  return {
    projectId: entity.projectId,
    status: entity.status,
    progress: entity.progress,
    failureReason: entity.failureReason ?? null,
    message: entity.message ?? null,
    steering: entity.steering,
    timeline: entity.timeline,
    settings: entity.settings ?? null,
    updatedAt: entity.updatedAt,
  };
}

function toMoment(entity: MomentEntity): Moment {
  return {
    id: entity.id,
    projectId: entity.projectId,
    rank: entity.rank,
    startMs: entity.startMs,
    endMs: entity.endMs,
    firstWord: entity.firstWord,
    lastWord: entity.lastWord,
    score: entity.score,
    subScores: entity.subScores,
    reason: entity.reason,
    missingContext: entity.missingContext ?? null,
    title: entity.title,
    trimmed: entity.trimmed,
    createdAt: entity.createdAt,
  };
}
