import { randomBytes, timingSafeEqual } from 'node:crypto';
import { RequestError, Server } from 'proxy-chain';
import { DomainError } from '@clipforge/core';
import { allowSet, BlockedDestinationError, checkDestination, pinnedLookup } from './destination-check.js';

export interface FilteringProxy {
  /** http://user:password@127.0.0.1:port, for yt-dlp's --proxy. */
  url: string;
  /** Destinations refused so far, in order: the reason to give when the download then fails. */
  refusals: DomainError[];
  close(): Promise<void>;
}

/**
 * A forward proxy on loopback for one yt-dlp run, so the connections yt-dlp makes itself (the
 * page, its API calls, every redirect, the media) obey the same address policy as safeDownload:
 * each destination is resolved here, refused with 403 unless every address is public (or the host
 * allow-listed), and then reached at exactly the addresses checked (proxy-chain's per-request
 * dnsLookup), so a DNS answer that changes between check and connect changes nothing.
 * proxy-chain (Apify, maintained) handles both CONNECT tunnels (https) and absolute-URI requests
 * (http) and lets a hook decide per request, after our own resolution. A random password per run
 * keeps other local processes from using it while it is up.
 */
export async function startFilteringProxy(options: { allowHosts?: string[] } = {}): Promise<FilteringProxy> {
  const allow = allowSet(options.allowHosts);
  const username = 'clipforge';
  const password = randomBytes(18).toString('hex');
  const refusals: DomainError[] = [];
  const server = new Server({
    host: '127.0.0.1',
    port: 0,
    prepareRequestFunction: async ({ username: user, password: given, hostname }) => {
      if (user !== username || !sameSecret(given, password)) return { requestAuthentication: true, failMsg: 'Proxy credentials required.' };
      try {
        return { dnsLookup: pinnedLookup(await checkDestination(hostname, allow)) };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusals.push(error);
        throw new RequestError(error.message, error instanceof BlockedDestinationError ? 403 : 502);
      }
    },
  });
  await server.listen();
  return {
    url: `http://${username}:${password}@127.0.0.1:${server.port}`,
    refusals,
    close: () => server.close(true),
  };
}

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
