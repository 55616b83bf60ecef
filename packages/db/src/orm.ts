import { MikroORM, RequestContext, type EntityManager } from '@mikro-orm/postgresql';
import type { Seeder } from '@mikro-orm/seeder';
import { dbConfig, type DbConfigInput } from './config.js';
import { MikroProjectRepository } from './repositories/project.repository.js';
import { MikroTranscriptRepository } from './repositories/transcript.repository.js';
import { MikroExportRepository } from './repositories/export.repository.js';
import { MikroMomentRepository } from './repositories/moment.repository.js';
import { PostgresCreditLedger } from './repositories/credit.repository.js';
import { PostgresBillingStore } from './repositories/billing.repository.js';
import { PostgresApiTokenRepository } from './repositories/api-token.repository.js';
import { PostgresEmailSendStore } from './repositories/email-send.repository.js';
import { PostgresEmailPreferenceStore } from './repositories/email-preference.repository.js';
import { PostgresOutboxStore } from './repositories/email-outbox.repository.js';
import { PostgresEmailRecipients } from './repositories/email-recipients.repository.js';
import { PostgresLifecycleAudience } from './repositories/lifecycle-audience.repository.js';

export type Database = Awaited<ReturnType<typeof openDatabase>>;

/** Opens the pool and returns the repositories bound to the current request/job context. */
export async function openDatabase(input: DbConfigInput) {
  const orm = await MikroORM.init(dbConfig(input));
  // Inside RequestContext.create(...) the context's fork is used; elsewhere a fresh fork per call.
  const em = (): EntityManager => (RequestContext.getEntityManager() as EntityManager | undefined) ?? orm.em.fork();
  return {
    orm,
    projects: new MikroProjectRepository(em),
    transcripts: new MikroTranscriptRepository(em),
    exports: new MikroExportRepository(em),
    moments: new MikroMomentRepository(em),
    credits: new PostgresCreditLedger(em),
    billing: new PostgresBillingStore(em),
    apiTokens: new PostgresApiTokenRepository(em),
    emails: {
      sends: new PostgresEmailSendStore(em),
      preferences: new PostgresEmailPreferenceStore(em),
      outbox: new PostgresOutboxStore(em),
      recipients: new PostgresEmailRecipients(em),
      audience: new PostgresLifecycleAudience(em),
    },
    /** Runs `fn` with its own EntityManager fork (one per request and per job). */
    withContext: <T>(fn: () => Promise<T>) => RequestContext.create(orm.em, fn),
    /** Runs a MikroORM seeder with a context (demo data for `npm run seed`). */
    seed: <C extends object>(seeder: new () => Seeder<C>, context: C) => new seeder().run(orm.em.fork(), context),
    ping: async () => {
      await orm.em.getConnection().execute('select 1');
    },
    close: () => orm.close(true),
  };
}
