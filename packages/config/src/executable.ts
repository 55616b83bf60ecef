import { accessSync, constants, statSync } from 'node:fs';

/** Why `file` cannot be run, or null. For tools named by an explicit path (YTDLP_PATH). */
export function executableProblem(file: string): string | null {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 'no such file';
  if (!stat.isFile()) return 'not a file';
  try {
    accessSync(file, constants.X_OK);
  } catch {
    return 'not executable';
  }
  return null;
}
