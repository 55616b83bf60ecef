// A signed-in member with a ready project of `minutes` of planted talk: the project, transcript
// and analysis rows go straight into the database (importing an hour of video would dwarf the
// benchmark). The words come from the evaluation set, so scoring sees realistic sentences.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { plantedTalk } from '@clipforge/scoring/eval';
import { upgradeForBenchmark } from './bench-org.mjs';

export async function seedScoredProject(base, env, minutes) {
  const email = `bench-${randomUUID()}@clipforge.local`;
  const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: 'bench-password-123', name: 'Bench' }),
  });
  if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const talk = plantedTalk(77, { minutes, segments: Math.max(2, Math.round(minutes / 4)) });
  const org = await upgradeForBenchmark(env.DATABASE_URL, email);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const projectId = randomUUID();
    const metadata = { durationSec: talk.durationMs / 1000, width: 1920, height: 1080, videoCodec: 'h264', audioCodec: 'aac', sizeBytes: 1 };
    await client.query(
      `insert into project (id, org_id, created_by, name, status, progress, source_key, metadata, created_at, updated_at)
       values ($1, $2, $3, 'bench talk', 'ready', 100, 'bench/none.mp4', $4, now(), now())`,
      [projectId, org.orgId, org.userId, JSON.stringify(metadata)],
    );
    await client.query(`insert into transcript (project_id, status, progress, engine, words, updated_at) values ($1, 'ready', 100, 'bench', $2, now())`, [
      projectId,
      JSON.stringify(talk.words),
    ]);
    return { cookie, projectId, words: talk.words.length };
  } finally {
    await client.end();
  }
}
