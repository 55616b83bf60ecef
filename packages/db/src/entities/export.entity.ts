import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ASPECTS, CAPTION_STYLES, EXPORT_STATUSES, FITS } from '@clipforge/core';

export const ExportSchema = defineEntity({
  name: 'Export',
  tableName: 'export',
  properties: {
    id: p.uuid().primary(),
    projectId: p.uuid(),
    orgId: p.string(),
    status: p.enum([...EXPORT_STATUSES]),
    progress: p.smallint().default(0),
    startMs: p.integer(),
    endMs: p.integer(),
    aspect: p.enum([...ASPECTS]),
    fit: p.enum([...FITS]),
    captionStyle: p.enum([...CAPTION_STYLES]),
    failureReason: p.text().nullable(),
    videoKey: p.string().nullable(),
    srtKey: p.string().nullable(),
    vttKey: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type ExportEntity = InferEntity<typeof ExportSchema>;
