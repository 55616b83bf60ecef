/** Protocols yt-dlp downloads itself, through --proxy; others (rtmp, rtsp, mms…) would run external tools that connect directly. */
const OWN_PROTOCOLS = "[protocol~='^(https?|m3u8(_native)?|http_dash_segments)$']";

export const PROGRESS_TAG = 'cf-progress';
export const FILE_TAG = 'cf-file';

export interface YtDlpArgsOptions {
  proxyUrl: string;
  workDir: string;
  maxBytes: number;
  /** A path to ffmpeg for merging video and audio; a bare name is left to yt-dlp's PATH lookup. */
  ffmpegPath?: string;
}

/**
 * The command line for one import. Only this decides what yt-dlp does: no config file is read
 * (--ignore-config), nothing runs afterwards (--no-exec), one video even from a playlist link,
 * live streams refused, at most 1080p preferring MP4/M4A, merged into MP4 with ffmpeg, every
 * download by yt-dlp's own code through the filtering proxy, progress and the final path printed
 * in a form parseYtDlpLine reads.
 */
export function ytDlpArgs(url: string, o: YtDlpArgsOptions): string[] {
  return [
    '--ignore-config',
    '--no-exec',
    '--no-cache-dir',
    '--no-mtime',
    '--no-playlist',
    '--playlist-items', '1',
    '--break-match-filters', '!is_live',
    '--proxy', o.proxyUrl,
    '--socket-timeout', '30',
    '--max-filesize', String(o.maxBytes),
    '--downloader', 'native',
    '-S', 'res:1080,ext:mp4:m4a',
    '-f', `bv*${OWN_PROTOCOLS}+ba${OWN_PROTOCOLS}/b${OWN_PROTOCOLS}`,
    '--merge-output-format', 'mp4',
    ...(o.ffmpegPath?.includes('/') ? ['--ffmpeg-location', o.ffmpegPath] : []),
    '-P', o.workDir,
    '-o', 'video.%(ext)s',
    '--newline',
    '--progress',
    '--progress-template', `download:${PROGRESS_TAG} %(progress.downloaded_bytes)s %(progress.total_bytes)s %(progress.total_bytes_estimate)s`,
    '--print', `after_move:${FILE_TAG} %(filepath)s`,
    '--no-simulate',
    '--', url,
  ];
}

export type YtDlpLine = { progress: number | null } | { file: string } | null;

/** One line of yt-dlp's stdout under ytDlpArgs: a progress fraction (null when the size is unknown), the final file, or noise. */
export function parseYtDlpLine(line: string): YtDlpLine {
  if (line.startsWith(`${FILE_TAG} `)) return { file: line.slice(FILE_TAG.length + 1).trim() };
  if (!line.startsWith(`${PROGRESS_TAG} `)) return null;
  const [done, total, estimate] = line.slice(PROGRESS_TAG.length + 1).trim().split(/\s+/).map(Number);
  const size = Number.isFinite(total) && total! > 0 ? total! : Number.isFinite(estimate) && estimate! > 0 ? estimate! : null;
  if (!Number.isFinite(done) || size === null) return { progress: null };
  return { progress: Math.min(1, Math.max(0, done! / size)) };
}
