import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { provisionStack } from '../stack.mjs';
import { buildAll } from '../build.mjs';
import { runMigrations } from './migrate.mjs';
import { say } from '../log.mjs';

const DEMO = { email: 'demo@clipforge.local', password: 'clipforge-demo', name: 'Demo' };

/** `npm run seed`: a demo account with two real demo videos queued for import (idempotent). */
export async function main() {
  buildAll();
  const stack = await provisionStack({ profile: 'dev' });
  const { createAuth } = await import('@clipforge/auth');
  const { openDatabase, DemoSeeder } = await import('@clipforge/db');
  const { createPipelineQueue } = await import('@clipforge/jobs');
  const { LocalBlobStorage } = await import('@clipforge/media');
  const pool = new pg.Pool({ connectionString: stack.env.DATABASE_URL, max: 2 });
  const db = await openDatabase({ url: stack.env.DATABASE_URL, poolSize: 2 });
  const queue = createPipelineQueue({ redisUrl: stack.env.REDIS_URL, prefix: process.env.REDIS_PREFIX ?? 'cf' }, 30 * 60 * 1000);
  try {
    await runMigrations(stack.env.DATABASE_URL);
    const auth = createAuth({ pool, secret: stack.env.BETTER_AUTH_SECRET, baseURL: process.env.PUBLIC_URL ?? 'http://localhost:3000' });
    const { userId, orgId } = await ensureDemoUser(auth, pool);
    const storage = new LocalBlobStorage(stack.env.STORAGE_DIR);
    const context = { orgId, userId, videos: demoVideos(storage), createdIds: [] };
    await db.seed(DemoSeeder, context);
    for (const id of context.createdIds) await queue.enqueueImport(id);
    say(
      context.createdIds.length
        ? `seeded ${context.createdIds.length} demo projects; the worker imports them on the next \`npm start\``
        : 'demo projects already exist',
    );
    say(`demo account: ${DEMO.email} / ${DEMO.password}`);
  } finally {
    await queue.close();
    await db.close();
    await pool.end();
    await stack.stop();
  }
}

async function ensureDemoUser(auth, pool) {
  const find = () =>
    pool.query('select u.id as "userId", m."organizationId" as "orgId" from "user" u join member m on m."userId" = u.id where u.email = $1 limit 1', [DEMO.email]);
  let { rows } = await find();
  if (!rows.length) {
    await auth.api.signUpEmail({ body: DEMO });
    ({ rows } = await find());
  }
  return rows[0];
}

function demoVideos(storage) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clipforge-demo-'));
  const make = (name, source, seconds) => {
    const file = path.join(dir, `${name}.mp4`);
    return {
      name,
      sourceKey: (id) => `projects/${id}/source.mp4`,
      store: async (id) => {
        execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-f', 'lavfi', '-i', 'sine=frequency=330', '-t', String(seconds),
          '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file]);
        await storage.putFile(`projects/${id}/source.mp4`, file);
      },
    };
  };
  return [make('Demo: test pattern', 'testsrc2=size=1280x720:rate=30', 8), make('Demo: colour bars', 'smptehdbars=size=1920x1080:rate=25', 5)];
}
