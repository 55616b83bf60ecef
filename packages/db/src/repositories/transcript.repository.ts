import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Transcript, TranscriptRepository, TranscriptSummary, Word, WordEdit } from '@clipforge/core';
import { TranscriptSchema, type TranscriptEntity } from '../entities/transcript.entity.js';

/** Transcripts in PostgreSQL, one row per project; callers check the project's organization first. */
export class MikroTranscriptRepository implements TranscriptRepository {
  constructor(private readonly em: () => EntityManager) {}

  async find(projectId: string): Promise<Transcript | null> {
    const entity = await this.em().findOne(TranscriptSchema, { projectId }, { refresh: true });
    return entity ? toTranscript(entity) : null;
  }

  async findSummary(projectId: string): Promise<TranscriptSummary | null> {
    const entity = await this.em().findOne(TranscriptSchema, { projectId }, { exclude: ['words'], disableIdentityMap: true });
    return entity ? toSummary(entity) : null;
  }

  async queue(projectId: string): Promise<void> {
    await this.em().upsert(TranscriptSchema, {
      projectId,
      status: 'queued',
      progress: 0,
      engine: null,
      failureReason: null,
      words: [],
      editedAt: null,
      updatedAt: new Date(),
    });
  }

  async setProgress(projectId: string, progress: number): Promise<void> {
    await this.em().nativeUpdate(TranscriptSchema, { projectId }, { status: 'running', progress, updatedAt: new Date() });
  }

  async saveWords(projectId: string, engine: string, words: Word[]): Promise<void> {
    await this.em().nativeUpdate(
      TranscriptSchema,
      { projectId },
      { status: 'ready', progress: 100, engine, words, failureReason: null, editedAt: null, updatedAt: new Date() },
    );
  }

  async markFailed(projectId: string, reason: string): Promise<void> {
    await this.em().nativeUpdate(TranscriptSchema, { projectId }, { status: 'failed', progress: 100, failureReason: reason, updatedAt: new Date() });
  }

  /** Read-modify-write in one transaction with a row lock, so concurrent corrections both land. */
  async applyEdits(projectId: string, edits: WordEdit[]): Promise<Transcript | null> {
    return this.em().transactional(async (em) => {
      const entity = await em.findOne(TranscriptSchema, { projectId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!entity) return null;
      const words = entity.words.map((w) => ({ ...w }));
      for (const edit of edits) words[edit.index] = { ...words[edit.index]!, text: edit.text };
      entity.words = words;
      entity.editedAt = new Date();
      await em.flush();
      return toTranscript(entity);
    });
  }
}

function toTranscript(entity: TranscriptEntity): Transcript {
  return { ...toSummary(entity), words: entity.words };
}

function toSummary(entity: Pick<TranscriptEntity, 'projectId' | 'status' | 'progress' | 'engine' | 'failureReason' | 'editedAt' | 'updatedAt'>): TranscriptSummary {
  return {
    projectId: entity.projectId,
    status: entity.status,
    progress: entity.progress,
    engine: entity.engine ?? null,
    failureReason: entity.failureReason ?? null,
    editedAt: entity.editedAt ?? null,
    updatedAt: entity.updatedAt,
  };
}
