import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { ProjectSchema } from './entities/project.entity.js';
import { TranscriptSchema } from './entities/transcript.entity.js';
import { ExportSchema } from './entities/export.entity.js';
import { MomentAnalysisSchema, MomentSchema } from './entities/moment.entity.js';
import { migrations } from './migrations/index.js';

export interface DbConfigInput {
  url: string;
  poolSize: number;
  /** Queries slower than this are logged (the seeds' slow-query log). */
  slowQueryMs?: number;
  logger?: (message: string) => void;
}

export function dbConfig(input: DbConfigInput): Options {
  return defineConfig({
    clientUrl: input.url,
    entities: [ProjectSchema, TranscriptSchema, ExportSchema, MomentAnalysisSchema, MomentSchema],
    extensions: [Migrator, SeedManager],
    migrations: { migrationsList: migrations, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: input.poolSize },
    debug: false,
    ...(input.logger ? { logger: input.logger } : {}),
    allowGlobalContext: false,
  });
}
