#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { signIn } from './client.js';

const USAGE = `Usage: npm run clipforge -- projects list [--limit N]

Environment:
  CLIPFORGE_URL       the ClipForge web URL (default http://localhost:3000)
  CLIPFORGE_EMAIL     your account's email
  CLIPFORGE_PASSWORD  your account's password`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { limit: { type: 'string', default: '20' }, help: { type: 'boolean', short: 'h' } },
  });
  const [group, action] = positionals;
  if (values.help || group !== 'projects' || action !== 'list') {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const email = process.env.CLIPFORGE_EMAIL;
  const password = process.env.CLIPFORGE_PASSWORD;
  if (!email || !password) throw new Error('Set CLIPFORGE_EMAIL and CLIPFORGE_PASSWORD to sign in.');
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new Error('--limit must be a whole number from 1 to 100.');

  const api = await signIn({ baseUrl: process.env.CLIPFORGE_URL ?? 'http://localhost:3000', email, password });
  const page = await api.projects.list.query({ limit });
  if (page.items.length === 0) console.log('No projects yet.');
  for (const project of page.items) {
    const meta = project.metadata ? `${project.metadata.width}x${project.metadata.height} ${project.metadata.durationSec}s` : '';
    console.log([project.id, project.status.padEnd(9), project.name, meta].join('  ').trimEnd());
  }
}

main().catch((error: unknown) => {
  console.error(`clipforge: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
