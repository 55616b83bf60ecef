import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ANALYSIS_STATUSES, type AudioFeatures, type MomentSteering, type ScorePoint, type ScoringResult, type SubScores } from '@clipforge/core';

export const MomentAnalysisSchema = defineEntity({
  name: 'MomentAnalysis',
  tableName: 'moment_analysis',
  properties: {
    projectId: p.uuid().primary(),
    status: p.enum([...ANALYSIS_STATUSES]),
    progress: p.smallint().default(0),
    failureReason: p.text().nullable(),
    message: p.text().nullable(),
    steering: p.json<MomentSteering>(),
    audio: p.json<AudioFeatures>().nullable(),
    sceneCutsMs: p.json<number[]>().nullable(),
    timeline: p.json<ScorePoint[]>(),
    settings: p.json<ScoringResult['settings']>().nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export const MomentSchema = defineEntity({
  name: 'Moment',
  tableName: 'moment',
  properties: {
    id: p.uuid().primary(),
    projectId: p.uuid(),
    rank: p.smallint(),
    startMs: p.integer(),
    endMs: p.integer(),
    firstWord: p.integer(),
    lastWord: p.integer(),
    score: p.float(),
    subScores: p.json<SubScores>(),
    reason: p.text(),
    missingContext: p.text().nullable(),
    title: p.text(),
    trimmed: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type MomentAnalysisEntity = InferEntity<typeof MomentAnalysisSchema>;
export type MomentEntity = InferEntity<typeof MomentSchema>;
