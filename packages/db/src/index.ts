export { openDatabase } from './orm.js';
export type { Database } from './orm.js';
export { migrateDatabase } from './migrate.js';
export { dbConfig } from './config.js';
export { ProjectSchema } from './entities/project.entity.js';
export { MikroProjectRepository } from './repositories/project.repository.js';
export { DemoSeeder } from './seeders/demo.seeder.js';
export type { DemoSeedContext } from './seeders/demo.seeder.js';
export { MikroTranscriptRepository } from './repositories/transcript.repository.js';
