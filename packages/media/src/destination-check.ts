import dns from 'node:dns';
import { DomainError } from '@clipforge/core';
import { blockedRange, isIpLiteral, stripBrackets } from './address-policy.js';

/**
 * The one question every link-import connection asks, whether safeDownload makes it or yt-dlp
 * through the filtering proxy: which addresses may this host be reached at? All of its addresses
 * are resolved and every one must be public (or the host allow-listed); the caller then connects
 * to exactly these addresses, so nothing resolves differently between the check and the connect.
 */
export async function checkDestination(hostname: string, allow: ReadonlySet<string>): Promise<dns.LookupAddress[]> {
  const host = stripBrackets(hostname).toLowerCase();
  if (isIpLiteral(host)) {
    const range = allow.has(host) ? null : blockedRange(host);
    if (range) throw blockedDestination(host, range);
    return [{ address: host, family: host.includes(':') ? 6 : 4 }];
  }
  const list = await dns.promises.lookup(host, { all: true }).catch((error: unknown) => {
    throw new DomainError('BAD_INPUT', `Could not find the host ${host} (${(error as NodeJS.ErrnoException).code ?? 'DNS error'}).`);
  });
  if (!allow.has(host)) {
    const bad = list.map((a) => ({ a, range: blockedRange(a.address) })).find((x) => x.range);
    if (bad) throw blockedDestination(`${host} → ${bad.a.address}`, bad.range!);
  }
  if (list.length === 0) throw new DomainError('BAD_INPUT', `Could not find the host ${host} (no address).`);
  return list;
}

/** Lower-cased, bracket-free host names and IPs from URL_IMPORT_ALLOW_HOSTS. */
export const allowSet = (hosts: string[] = []) => new Set(hosts.map((h) => stripBrackets(h.trim().toLowerCase())).filter(Boolean));

/** The destination is not a public address (as opposed to a host that does not resolve). */
export class BlockedDestinationError extends DomainError {}

export const blockedDestination = (host: string, range: string) =>
  new BlockedDestinationError('BAD_INPUT', `The link points to a ${rangeName(range)} address (${host}); ClipForge only fetches public internet addresses.`);

function rangeName(range: string) {
  const names: Record<string, string> = { loopback: 'loopback', private: 'private network', linkLocal: 'link-local', uniqueLocal: 'private network', carrierGradeNat: 'carrier-grade NAT', unspecified: 'unspecified' };
  return names[range] ?? `non-public (${range})`;
}

/** A dns.lookup stand-in that answers with addresses already checked, whatever it is asked. */
export function pinnedLookup(addresses: dns.LookupAddress[]): typeof dns.lookup {
  const lookup = (_hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (error: Error | null, address: string | dns.LookupAddress[], family?: number) => void;
    const opts = (typeof options === 'object' && options !== null ? options : {}) as dns.LookupOptions;
    const wanted = opts.family === 4 || opts.family === 6 ? addresses.filter((a) => a.family === opts.family) : addresses;
    const first = wanted[0];
    if (!first) return process.nextTick(cb, Object.assign(new Error('no address of the requested family'), { code: 'ENOTFOUND' }), '', 4);
    if (opts.all) return process.nextTick(cb, null, wanted);
    process.nextTick(cb, null, first.address, first.family);
  };
  return lookup as typeof dns.lookup;
}
