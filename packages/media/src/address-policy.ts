import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Only public unicast addresses may be fetched. Everything else — loopback, private, link-local
 * (169.254.0.0/16 holds cloud metadata endpoints), carrier-grade NAT, unique-local, multicast,
 * reserved, and IPv6 forms that embed an IPv4 address (mapped, 6to4, NAT64, Teredo) — is refused.
 * Returns null when allowed, else the name of the range that blocks it.
 */
export function blockedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid address';
  const range = ipaddr.process(address).range(); // IPv4-mapped IPv6 becomes IPv4 first
  return range === 'unicast' ? null : range;
}

export const isIpLiteral = (hostname: string) => net.isIP(stripBrackets(hostname)) !== 0;

export const stripBrackets = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');
