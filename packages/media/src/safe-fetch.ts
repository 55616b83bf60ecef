import { Readable } from 'node:stream';
import { Agent, fetch, type Dispatcher } from 'undici';
import { DomainError, parseImportUrl } from '@clipforge/core';
import { isIpLiteral } from './address-policy.js';
import { allowSet, checkDestination, pinnedLookup } from './destination-check.js';
import { formatBytes, writeLimited } from './write-limited.js';

export interface SafeFetchOptions {
  /** Hostnames or IPs fetched even when private (operators' own media hosts; the tests' 127.0.0.1). */
  allowHosts?: string[];
  maxBytes: number;
  maxRedirects?: number;
  timeoutMs?: number;
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void;
}

export interface Download {
  finalUrl: string;
  sizeBytes: number;
  contentType: string | null;
}

/**
 * An undici agent that connects only to addresses checkDestination approved, so the address
 * checked is the address connected to (no DNS-rebinding gap), on the first request and on every
 * redirect.
 */
function guardedAgent(allow: Set<string>): Agent {
  return new Agent({
    connect: {
      lookup(hostname, options, callback) {
        checkDestination(hostname, allow).then(
          (addresses) => pinnedLookup(addresses)(hostname, options, callback as never),
          (error: unknown) => callback(error as Error, '', 4),
        );
      },
    },
  });
}

/** A link that answers with a web page: yt-dlp may find the video on it (see remote-source). */
export class WebPageLinkError extends DomainError {
  constructor(readonly pageUrl: string) {
    super('BAD_INPUT', 'The link is a web page, not a video file. Paste a direct link to the video file.');
  }
}

/** Downloads a user-supplied URL to `filePath`, following redirects and checking every hop. */
export async function safeDownload(rawUrl: string, filePath: string, options: SafeFetchOptions): Promise<Download> {
  const allow = allowSet(options.allowHosts);
  const dispatcher: Dispatcher = guardedAgent(allow);
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10 * 60_000);
  let url = parseImportUrl(rawUrl);
  try {
    for (let hop = 0; ; hop++) {
      // IP literals skip DNS, so the agent's lookup never sees them: check them here.
      if (isIpLiteral(url.hostname)) await checkDestination(url.hostname, allow);
      const response = await fetch(url, { dispatcher, redirect: 'manual', signal, headers: { 'user-agent': 'ClipForge/0.1 (+video import)' } }).catch(
        (error: unknown) => {
          const cause = (error as { cause?: unknown }).cause;
          if (cause instanceof DomainError) throw cause;
          throw new DomainError('BAD_INPUT', `Could not reach ${url.host}: ${(cause as Error | undefined)?.message ?? (error as Error).message}.`);
        },
      );
      if ([301, 302, 303, 307, 308].includes(response.status)) {
        await response.body?.cancel();
        if (hop >= (options.maxRedirects ?? 5)) throw new DomainError('BAD_INPUT', 'The link redirects too many times.');
        const location = response.headers.get('location');
        if (!location) throw new DomainError('BAD_INPUT', 'The link redirects without saying where to.');
        url = parseImportUrl(new URL(location, url).toString());
        continue;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new DomainError('BAD_INPUT', `The link answered HTTP ${response.status}; check that it is public and points to a video file.`);
      }
      const contentType = response.headers.get('content-type');
      if (contentType?.startsWith('text/html') || contentType?.startsWith('application/xhtml+xml')) {
        await response.body.cancel();
        throw new WebPageLinkError(url.toString());
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      const total = Number.isFinite(declared) ? declared : null;
      if (total !== null && total > options.maxBytes) {
        await response.body.cancel();
        throw new DomainError('PAYLOAD_TOO_LARGE', `The video is ${formatBytes(total)}; the limit is ${formatBytes(options.maxBytes)}.`);
      }
      let lastReport = 0;
      const sizeBytes = await writeLimited(Readable.fromWeb(response.body as never), filePath, options.maxBytes, (received) => {
        if (Date.now() - lastReport < 250) return;
        lastReport = Date.now();
        options.onProgress?.(received, total);
      });
      options.onProgress?.(sizeBytes, total);
      return { finalUrl: url.toString(), sizeBytes, contentType };
    }
  } finally {
    await dispatcher.close().catch(() => {});
  }
}
