import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Connection } from './client.js';
import { exportsDone, follow, pipelineDone } from './pipeline.js';
import { Progress } from './progress.js';
import { uploadFile } from './upload.js';

type ExportInput = Parameters<Connection['api']['exports']['create']['mutate']>[0];
// Checked here for a quick answer before an upload; the compiler keeps them within the API's own.
export const ASPECTS = ['9:16', '1:1', '4:5', '16:9'] as const satisfies readonly NonNullable<ExportInput['aspect']>[];
export const FITS = ['crop', 'track', 'blur'] as const satisfies readonly NonNullable<ExportInput['fit']>[];

export interface ImportOptions {
  source: string;
  wait: boolean;
  exportAspect: (typeof ASPECTS)[number] | null;
  clips: number;
  fit: (typeof FITS)[number];
  out: string | null;
}

type Print = (line: string) => void;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * `import <file|url>`: uploads a file (or hands the server a link), then with --wait follows the
 * pipeline to the end; with --export, renders the best moments and waits for the clips.
 */
export async function importCommand(conn: Connection, options: ImportOptions, print: Print) {
  const progress = new Progress();
  const projectId = /^https?:\/\//i.test(options.source)
    ? (await conn.api.projects.importUrl.mutate({ url: options.source })).id
    : await uploadFile(conn.baseUrl, conn.headers, options.source, (percent) => progress.update('upload', percent)).finally(() => progress.stop());
  print(`project ${projectId}`);
  if (!options.wait && !options.exportAspect) return print(`Importing in the background. Follow it with: clipforge projects show ${projectId}`);

  await follow(conn, projectId, progress, pipelineDone);
  const { moments } = await conn.api.moments.list.query({ projectId });
  print(`${moments.length} moment${moments.length === 1 ? '' : 's'} found`);
  for (const m of moments.slice(0, 5)) print(`  ${String(m.score).padStart(3)}  ${seconds(m.startMs)}–${seconds(m.endMs)}  ${m.title}`);
  if (!options.exportAspect) return;
  if (moments.length === 0) throw new Error('No moments to export. Try `clipforge exports create` with a time range.');

  const chosen = moments.slice(0, options.clips);
  const created = [];
  for (const m of chosen) {
    created.push(await conn.api.exports.create.mutate({ projectId, startMs: m.startMs, endMs: m.endMs, aspect: options.exportAspect, fit: options.fit }));
  }
  const ids = created.map((c) => c.id);
  await follow(conn, projectId, progress, exportsDone(ids), ids);
  await printClips(conn, projectId, ids, options.out, print);
}

/** Lists the finished clips' download links, or saves them into `out`. */
async function printClips(conn: Connection, projectId: string, ids: string[], out: string | null, print: Print) {
  const clips = (await conn.api.exports.list.query({ projectId })).filter((c) => ids.includes(c.id));
  if (out) await mkdir(out, { recursive: true });
  for (const [i, clip] of clips.entries()) {
    const url = new URL(clip.videoUrl!, conn.baseUrl);
    if (!out) {
      print(`clip ${clip.id} ${clip.aspect} ${seconds(clip.endMs - clip.startMs)}  ${url}`);
      continue;
    }
    const file = path.join(out, `clip-${i + 1}-${clip.aspect.replace(':', 'x')}-${clip.id.slice(0, 8)}.mp4`);
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`Downloading clip ${clip.id} failed (HTTP ${response.status}).`);
    await pipeline(Readable.fromWeb(response.body as never), createWriteStream(file));
    print(`saved ${file}`);
  }
}

export async function listProjects(conn: Connection, limit: number, print: Print) {
  const page = await conn.api.projects.list.query({ limit });
  if (page.items.length === 0) print('No projects yet.');
  for (const project of page.items) {
    const meta = project.metadata ? `${project.metadata.width}x${project.metadata.height} ${project.metadata.durationSec}s` : '';
    print([project.id, project.status.padEnd(9), project.name, meta].join('  ').trimEnd());
  }
}

export async function showProject(conn: Connection, id: string, print: Print) {
  const project = await conn.api.projects.get.query({ id });
  print(`${project.name}  (${project.id})`);
  print(`status     ${project.status}${project.status === 'importing' ? ` ${project.progress} %` : ''}${project.failureReason ? ` — ${project.failureReason}` : ''}`);
  if (project.metadata) print(`video      ${project.metadata.width}x${project.metadata.height}, ${project.metadata.durationSec} s`);
  const transcript = await conn.api.transcripts.get.query({ projectId: id });
  print(`transcript ${transcript ? `${transcript.status}${transcript.failureReason ? ` — ${transcript.failureReason}` : ''}` : 'not started'}`);
  const { analysis, moments } = await conn.api.moments.list.query({ projectId: id });
  print(`moments    ${analysis ? `${analysis.status}, ${moments.length} found` : 'not started'}`);
}

export async function listMoments(conn: Connection, projectId: string, print: Print) {
  const { analysis, moments } = await conn.api.moments.list.query({ projectId });
  if (!analysis || analysis.status !== 'ready') return print(`No moments yet (${analysis?.status ?? 'not started'}).`);
  for (const m of moments) print(`${m.id}  ${String(m.score).padStart(3)}  ${seconds(m.startMs)}–${seconds(m.endMs)}  ${m.title}`);
}

export async function listExports(conn: Connection, projectId: string, print: Print) {
  const clips = await conn.api.exports.list.query({ projectId });
  if (clips.length === 0) print('No exports yet.');
  for (const c of clips) {
    const where = c.videoUrl ? new URL(c.videoUrl, conn.baseUrl).toString() : c.failureReason ?? `${c.progress} %`;
    print(`${c.id}  ${c.status.padEnd(9)} ${c.aspect.padEnd(5)} ${seconds(c.startMs)}–${seconds(c.endMs)}  ${where}`);
  }
}

export async function createExport(
  conn: Connection,
  input: { projectId: string; startMs: number; endMs: number; aspect: (typeof ASPECTS)[number]; fit: (typeof FITS)[number]; wait: boolean; out: string | null },
  print: Print,
) {
  const clip = await conn.api.exports.create.mutate({ projectId: input.projectId, startMs: input.startMs, endMs: input.endMs, aspect: input.aspect, fit: input.fit });
  print(`export ${clip.id} queued`);
  if (!input.wait && !input.out) return;
  await follow(conn, input.projectId, new Progress(), exportsDone([clip.id]), [clip.id]);
  await printClips(conn, input.projectId, [clip.id], input.out, print);
}

export async function showCredits(conn: Connection, print: Print) {
  const account = await conn.api.credits.balance.query();
  print(`${account.balance} credits (1 credit = 1 started minute of video) on the ${account.plan.name} plan`);
  if (account.trialEndsAt) print(`trial ends ${account.trialEndsAt.slice(0, 10)}`);
}

export async function creditHistory(conn: Connection, limit: number, print: Print) {
  const page = await conn.api.credits.history.query({ limit });
  if (page.items.length === 0) print('No credit movements yet.');
  for (const e of page.items) print(`${e.createdAt.slice(0, 19).replace('T', ' ')}  ${e.type.padEnd(10)} ${String(e.amount).padStart(6)}  → ${e.balanceAfter}  ${e.note ?? ''}`.trimEnd());
}
