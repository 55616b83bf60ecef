import { z } from 'zod';

/** Thrown when the environment does not satisfy a process's schema; lists every problem at once. */
export class EnvError extends Error {
  constructor(
    readonly processName: string,
    readonly problems: string[],
  ) {
    super(
      `${processName}: invalid configuration\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        `\nSee .env.example for every variable and its default.`,
    );
    this.name = 'EnvError';
  }
}

export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv,
  processName: string,
): z.infer<S> {
  // An empty value (`PORT=` in a copied .env.example) means "use the default", not "empty string".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(root)';
    const value = issue.path.length === 1 ? present[String(issue.path[0])] : undefined;
    // A refinement's own message says when and why the variable is needed; keep it.
    if (value === undefined) return issue.code === 'custom' ? `${name}: ${issue.message} (not set)` : `${name}: required (not set)`;
    return `${name}: ${issue.message} (got ${JSON.stringify(value)})`;
  });
  throw new EnvError(processName, problems);
}

/** Parses env for a process entry point; on failure prints the readable list and exits 1 (fail fast). */
export function loadEnvOrExit<S extends z.ZodType>(schema: S, processName: string): z.infer<S> {
  try {
    return parseEnv(schema, process.env, processName);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(error.message + '\n');
      process.exit(1);
    }
    throw error;
  }
}
