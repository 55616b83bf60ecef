// `node packages/db/dist/migrate-cli.js`: applies pending migrations to DATABASE_URL (compose, k8s).
import { migrateDatabase } from './migrate.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: point it at the PostgreSQL database to migrate.');
  process.exit(1);
}
migrateDatabase(url).then(
  (applied) => {
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database schema is up to date');
  },
  (error: unknown) => {
    console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
