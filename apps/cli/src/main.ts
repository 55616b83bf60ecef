#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { connect, credentialsFromEnv, describeError } from './client.js';
import { ASPECTS, FITS, createExport, creditHistory, importCommand, listExports, listMoments, listProjects, showCredits, showProject } from './commands.js';

const USAGE = `Usage: npm run clipforge -- <command> [options]

Commands:
  import <file|url> [--wait] [--export 9:16] [--clips N] [--fit crop|track|blur] [--out DIR]
                                   upload a video (or import a link); --wait follows the pipeline,
                                   --export renders the best N moments (default 3) and waits for them
  projects list [--limit N]        your organization's projects, newest first
  projects show <projectId>        status of the import, transcript and moments
  moments list <projectId>         the moments found, best first
  exports list <projectId>         the project's clips and their download links
  exports create <projectId> --start S --end S [--aspect 9:16] [--fit crop] [--wait] [--out DIR]
  credits balance                  credits left and the plan
  credits history [--limit N]      credit movements, newest first

Environment:
  CLIPFORGE_URL       the ClipForge web URL (default http://localhost:3000)
  CLIPFORGE_TOKEN     an API token (web app: Settings → API tokens); needs "write" to import or export
  CLIPFORGE_EMAIL, CLIPFORGE_PASSWORD   instead of a token`;

/** A usage mistake: exit code 2 and the usage text. */
class UsageError extends Error {}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}").`);
  return value as T;
}

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

function secondsToMs(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < 0) throw new UsageError(`--${name} needs a time in seconds, e.g. --${name} 12.5.`);
  return Math.round(n * 1000);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      limit: { type: 'string', default: '20' },
      wait: { type: 'boolean', default: false },
      export: { type: 'string' },
      clips: { type: 'string', default: '3' },
      fit: { type: 'string', default: 'crop' },
      aspect: { type: 'string', default: '9:16' },
      start: { type: 'string' },
      end: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const [group, action, target] = positionals;
  const print = (line: string) => console.log(line);
  const fit = oneOf('fit', values.fit, FITS);
  const out = values.out ?? null;

  // Every command is checked before connecting, so a typo never costs an upload.
  let run: (conn: Awaited<ReturnType<typeof connect>>) => Promise<void>;
  if (group === 'import' && action) {
    const options = {
      source: action,
      wait: values.wait,
      exportAspect: values.export === undefined ? null : oneOf('export', values.export, ASPECTS),
      clips: wholeNumber('clips', values.clips, 1, 10),
      fit,
      out,
    };
    run = (conn) => importCommand(conn, options, print);
  } else if (group === 'projects' && action === 'list') {
    const limit = wholeNumber('limit', values.limit, 1, 100);
    run = (conn) => listProjects(conn, limit, print);
  } else if (group === 'projects' && action === 'show' && target) {
    run = (conn) => showProject(conn, target, print);
  } else if (group === 'moments' && action === 'list' && target) {
    run = (conn) => listMoments(conn, target, print);
  } else if (group === 'exports' && action === 'list' && target) {
    run = (conn) => listExports(conn, target, print);
  } else if (group === 'exports' && action === 'create' && target) {
    const input = { projectId: target, startMs: secondsToMs('start', values.start), endMs: secondsToMs('end', values.end), aspect: oneOf('aspect', values.aspect, ASPECTS), fit, wait: values.wait, out };
    run = (conn) => createExport(conn, input, print);
  } else if (group === 'credits' && action === 'balance') {
    run = (conn) => showCredits(conn, print);
  } else if (group === 'credits' && action === 'history') {
    const limit = wholeNumber('limit', values.limit, 1, 100);
    run = (conn) => creditHistory(conn, limit, print);
  } else {
    throw new UsageError(group ? `Unknown command: ${positionals.join(' ')}` : 'Name a command.');
  }

  const { baseUrl, credentials } = credentialsFromEnv(process.env);
  try {
    await run(await connect(baseUrl, credentials));
  } catch (error) {
    throw new Error(describeError(error, baseUrl));
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`clipforge: ${error.message}\n`);
    console.log(USAGE);
    process.exit(2);
  }
  console.error(`clipforge: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
