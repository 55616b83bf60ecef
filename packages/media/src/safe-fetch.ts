import dns from 'node:dns';
import { Readable } from 'node:stream';
import { Agent, fetch, type Dispatcher } from 'undici';
import { DomainError, parseImportUrl } from '@clipforge/core';
import { blockedRange, isIpLiteral, stripBrackets } from './address-policy.js';
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

const blocked = (host: string, range: string) =>
  new DomainError(
    'BAD_INPUT',
    `The link points to a ${rangeName(range)} address (${host}); ClipForge only fetches public internet addresses.`,
  );

function rangeName(range: string) {
  const names: Record<string, string> = { loopback: 'loopback', private: 'private network', linkLocal: 'link-local', uniqueLocal: 'private network', carrierGradeNat: 'carrier-grade NAT', unspecified: 'unspecified' };
  return names[range] ?? `non-public (${range})`;
}

/**
 * An undici agent whose DNS lookup refuses non-public addresses, so the address checked is the
 * address connected to (no DNS-rebinding gap), on the first request and on every redirect.
 */
function guardedAgent(allow: Set<string>): Agent {
  return new Agent({
    connect: {
      lookup(hostname, options, callback) {
        dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
          if (error) return callback(error, '', 4);
          const list = addresses as dns.LookupAddress[];
          if (!allow.has(hostname.toLowerCase())) {
            const bad = list.map((a) => ({ a, range: blockedRange(a.address) })).find((x) => x.range);
            if (bad) return callback(blocked(`${hostname} → ${bad.a.address}`, bad.range!), '', 4);
          }
          const first = list[0];
          if (!first) return callback(new Error(`no address for ${hostname}`), '', 4);
          if ((options as { all?: boolean }).all) return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, list);
          callback(null, first.address, first.family);
        });
      },
    },
  });
}

/** Downloads a user-supplied URL to `filePath`, following redirects and checking every hop. */
export async function safeDownload(rawUrl: string, filePath: string, options: SafeFetchOptions): Promise<Download> {
  const allow = new Set((options.allowHosts ?? []).map((h) => stripBrackets(h.trim().toLowerCase())).filter(Boolean));
  const dispatcher: Dispatcher = guardedAgent(allow);
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10 * 60_000);
  let url = parseImportUrl(rawUrl);
  try {
    for (let hop = 0; ; hop++) {
      const host = stripBrackets(url.hostname).toLowerCase();
      if (isIpLiteral(host) && !allow.has(host)) {
        const range = blockedRange(host);
        if (range) throw blocked(host, range); // IP literals skip DNS, so the agent never sees them
      }
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
      if (contentType?.startsWith('text/html')) {
        await response.body.cancel();
        throw new DomainError('BAD_INPUT', 'The link is a web page, not a video file. Paste a direct link to the video file.');
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
