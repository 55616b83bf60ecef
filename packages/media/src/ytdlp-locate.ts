import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * The yt-dlp to use for links to web pages: YTDLP_PATH when set (already checked by the config),
 * none when it is `off`, else `yt-dlp` from PATH when installed, else none (such links are then
 * refused with a message saying so).
 */
export function findYtDlp(configured: string | undefined, searchPath = process.env.PATH ?? ''): string | null {
  if (configured === 'off') return null;
  if (configured) return configured;
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'yt-dlp');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}
