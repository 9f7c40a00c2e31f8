// The address of the client a request comes from: the one function every limit, log and audit
// entry uses (never `socket.remoteAddress` or X-Forwarded-For read on their own).
//
// TRUST_PROXY is a comma-separated list of the reverse proxies' addresses or CIDR ranges
// (`127.0.0.1,10.0.0.0/8,::1`; `loopback` stands for 127.0.0.0/8 and ::1). X-Forwarded-For is
// read only when the direct peer is one of them, from right to left: each address added by a
// trusted proxy is believed and the first one that is not a trusted proxy is the client. Whatever a
// client writes into the header itself is on the left of that and is never reached; from a peer that
// is not a trusted proxy the header is ignored altogether. Unset (the default): no proxy is trusted
// and the direct peer is the client.
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

export type ProxyTrust = {
  /** whether the address (IPv4, IPv6 or IPv4-mapped IPv6) is one of the trusted proxies */
  trusts(address: string): boolean;
  /** the entries as given, for logs and errors */
  readonly entries: readonly string[];
};

export class ProxyTrustError extends Error {}

/** `::ffff:10.0.0.1` is 10.0.0.1; brackets and zone ids are dropped. */
export function normaliseAddress(raw: string): string | null {
  let address = raw.trim();
  if (address.startsWith('['))
    address = address.slice(1, address.indexOf(']') > 0 ? address.indexOf(']') : undefined);
  const zone = address.indexOf('%');
  if (zone > 0) address = address.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  // an IPv4 address with a port (`203.0.113.7:51234`), as some proxies write it
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address);
  if (withPort?.[1]) address = withPort[1];
  return isIP(address) === 0 ? null : address.toLowerCase();
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Parses TRUST_PROXY; an entry that is neither an address nor a CIDR range is an error naming it. */
export function parseProxyTrust(value: string | undefined): ProxyTrust {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const list = new BlockList();
  for (const entry of entries) {
    if (entry.toLowerCase() === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [base = '', bits, extra] = entry.split('/');
    const address = normaliseAddress(base);
    if (!address || extra !== undefined) throw new ProxyTrustError(entry);
    if (bits === undefined) {
      list.addAddress(address, family(address));
      continue;
    }
    const prefix = /^\d+$/.test(bits) ? Number(bits) : Number.NaN;
    const max = family(address) === 'ipv6' ? 128 : 32;
    if (!(prefix >= 0 && prefix <= max)) throw new ProxyTrustError(entry);
    list.addSubnet(address, prefix, family(address));
  }
  return {
    entries,
    trusts(raw) {
      if (entries.length === 0) return false;
      const address = normaliseAddress(raw);
      return address !== null && list.check(address, family(address));
    },
  };
}

export const trustNoProxy: ProxyTrust = parseProxyTrust(undefined);

/** The requests this reads: a Node request (or anything with its socket and headers). */
export type AddressedRequest = {
  headers?: IncomingMessage['headers'];
  socket?: { remoteAddress?: string | undefined; encrypted?: boolean } | null;
};

/**
 * The client's address: the direct peer, or — when the peer is a trusted proxy — the rightmost
 * X-Forwarded-For address that is not itself a trusted proxy. 'unknown' when there is no peer.
 */
export function clientAddress(request: AddressedRequest, trust: ProxyTrust): string {
  const peer = request.socket?.remoteAddress;
  let client = (peer && normaliseAddress(peer)) ?? peer ?? 'unknown';
  if (!peer || !trust.trusts(peer)) return client;
  const header = request.headers?.['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normaliseAddress(hops[index] ?? '');
    // a malformed entry ends the chain: what is left of it was not written by a proxy we know
    if (!hop) return client;
    client = hop;
    if (!trust.trusts(hop)) return client;
  }
  return client;
}

/**
 * Whether the client reached us over HTTPS: TLS on this very socket, or X-Forwarded-Proto: https
 * written by a trusted proxy (the same TRUST_PROXY rule as the address). From any other peer the
 * header is the client's own claim and does not count: no HSTS, no Secure cookie on its word.
 */
export function isHttpsRequest(request: AddressedRequest, trust: ProxyTrust): boolean {
  if (request.socket?.encrypted) return true;
  const peer = request.socket?.remoteAddress;
  if (!peer || !trust.trusts(peer)) return false;
  const header = request.headers?.['x-forwarded-proto'];
  const proto = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}
