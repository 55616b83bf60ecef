import { MikroORM } from '@mikro-orm/postgresql';
import { dbConfig } from './config.js';

/** Applies every committed migration not yet applied; returns their names. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const orm = await MikroORM.init(dbConfig({ url, poolSize: 2 }));
  try {
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
