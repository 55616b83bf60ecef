import { DomainError, type RemoteSource } from '@clipforge/core';
import { safeDownload, WebPageLinkError } from './safe-fetch.js';
import { ytDlpDownload } from './ytdlp-download.js';

export const WEB_PAGE_WITHOUT_YTDLP =
  'This link is a web page, not a video file. Paste a direct link to the video file, ' +
  'or ask your operator to install yt-dlp (YTDLP_PATH) to import from video sites.';

export interface RemoteSourceOptions {
  allowHosts: string[];
  maxBytes: number;
  /** yt-dlp for links to web pages (video sites); null: only direct links to media files. */
  ytDlp?: { path: string; ffmpegPath?: string; timeoutMs?: number } | null;
}

/**
 * The RemoteSource port: a direct media link through safeDownload (every hop checked); a link that
 * answers with a web page through yt-dlp when it is installed, behind the same address policy.
 */
export function httpRemoteSource(options: RemoteSourceOptions): RemoteSource {
  return {
    async download(url, filePath, onProgress) {
      try {
        await safeDownload(url, filePath, {
          allowHosts: options.allowHosts,
          maxBytes: options.maxBytes,
          onProgress: (received, total) => onProgress(total ? received / total : null),
        });
      } catch (error) {
        if (!(error instanceof WebPageLinkError)) throw error;
        if (!options.ytDlp) throw new DomainError('BAD_INPUT', WEB_PAGE_WITHOUT_YTDLP);
        // The page's address after redirects, each of them already checked.
        await ytDlpDownload(error.pageUrl, filePath, { ...options.ytDlp, allowHosts: options.allowHosts, maxBytes: options.maxBytes }, onProgress);
      }
    },
  };
}
