import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PROJECT_STATUSES, type SpriteLayout, type VideoMetadata } from '@clipforge/core';

export const ProjectSchema = defineEntity({
  name: 'Project',
  tableName: 'project',
  properties: {
    id: p.uuid().primary(),
    orgId: p.string(),
    createdBy: p.string(),
    name: p.string(),
    status: p.enum([...PROJECT_STATUSES]),
    stage: p.string().nullable(),
    progress: p.smallint().default(0),
    failureReason: p.text().nullable(),
    sourceKey: p.string(),
    sourceUrl: p.text().nullable(),
    posterKey: p.string().nullable(),
    audioKey: p.string().nullable(),
    spriteKey: p.string().nullable(),
    sprite: p.json<SpriteLayout>().nullable(),
    metadata: p.json<VideoMetadata>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type ProjectEntity = InferEntity<typeof ProjectSchema>;
