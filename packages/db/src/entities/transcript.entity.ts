import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TRANSCRIPT_STATUSES, type Word } from '@clipforge/core';

export const TranscriptSchema = defineEntity({
  name: 'Transcript',
  tableName: 'transcript',
  properties: {
    projectId: p.uuid().primary(),
    status: p.enum([...TRANSCRIPT_STATUSES]),
    progress: p.smallint().default(0),
    engine: p.string().nullable(),
    failureReason: p.text().nullable(),
    words: p.json<Word[]>(),
    editedAt: p.datetime().nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type TranscriptEntity = InferEntity<typeof TranscriptSchema>;
