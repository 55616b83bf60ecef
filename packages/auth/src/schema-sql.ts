import { getMigrations } from 'better-auth/db/migration';
import type { Auth } from './auth.js';

/** The DDL better-auth needs for this configuration; used to write the committed migration. */
export async function authSchemaSql(auth: Auth): Promise<string> {
  const { compileMigrations } = await getMigrations(auth.options);
  return compileMigrations();
}
