import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.ts';
import { clientAddress, ProxyTrustError, parseProxyTrust, trustNoProxy } from './client-address.ts';

const request = (peer: string | undefined, forwardedFor?: string | string[]) => ({
  socket: { remoteAddress: peer },
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});

describe('clientAddress', () => {
  const proxies = parseProxyTrust('10.0.0.0/8, 192.168.1.5, loopback, fd00::/8');

  it('without TRUST_PROXY the direct peer is the client, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.7', '198.51.100.1'), trustNoProxy)).toBe('203.0.113.7');
    expect(clientAddress(request('127.0.0.1', '198.51.100.1'), trustNoProxy)).toBe('127.0.0.1');
  });

  it('a header sent by a peer that is not a trusted proxy is ignored (no spoofing)', () => {
    expect(clientAddress(request('203.0.113.7', '10.0.0.9'), proxies)).toBe('203.0.113.7');
    expect(clientAddress(request('203.0.113.7', '198.51.100.1, 10.0.0.2'), proxies)).toBe('203.0.113.7');
  });

  it('behind a trusted proxy the address it forwarded is the client', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.1'), proxies)).toBe('198.51.100.1');
    expect(clientAddress(request('::ffff:192.168.1.5', '198.51.100.1'), proxies)).toBe('198.51.100.1');
    expect(clientAddress(request('::1', '2001:db8::7'), proxies)).toBe('2001:db8::7');
  });

  it('what a client prepends to the header is never taken: the first untrusted hop from the right wins', () => {
    // the client wrote "1.2.3.4" itself; the proxy appended the address it saw
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 198.51.100.1'), proxies)).toBe('198.51.100.1');
    // two trusted proxies in a row (edge 10.1.1.1 → internal 10.0.0.2 → API)
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 198.51.100.1, 10.1.1.1'), proxies)).toBe(
      '198.51.100.1',
    );
    // repeated headers count as one list
    expect(clientAddress(request('10.0.0.2', ['1.2.3.4', '198.51.100.1']), proxies)).toBe('198.51.100.1');
  });

  it('a malformed hop ends the chain at the last trusted proxy', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.1, not-an-ip'), proxies)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', ''), proxies)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2'), proxies)).toBe('10.0.0.2');
  });

  it('a proxy that writes the port is understood', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.1:51234'), proxies)).toBe('198.51.100.1');
    expect(clientAddress(request('10.0.0.2', '[2001:db8::7]:443'), proxies)).toBe('2001:db8::7');
  });

  it('IPv4-mapped peers are reported as IPv4, and a missing peer as unknown', () => {
    expect(clientAddress(request('::ffff:203.0.113.7'), trustNoProxy)).toBe('203.0.113.7');
    expect(clientAddress(request(undefined, '198.51.100.1'), proxies)).toBe('unknown');
  });
});

describe('parseProxyTrust', () => {
  it('reads addresses, CIDR ranges and loopback', () => {
    const trust = parseProxyTrust('10.0.0.0/8,192.168.1.5,loopback,2001:db8::/32');
    expect(trust.trusts('10.200.3.4')).toBe(true);
    expect(trust.trusts('11.0.0.1')).toBe(false);
    expect(trust.trusts('192.168.1.5')).toBe(true);
    expect(trust.trusts('192.168.1.6')).toBe(false);
    expect(trust.trusts('127.0.0.1')).toBe(true);
    expect(trust.trusts('::1')).toBe(true);
    expect(trust.trusts('2001:db8:1::1')).toBe(true);
    expect(trust.trusts('garbage')).toBe(false);
  });

  it('refuses an entry that is neither an address nor a range, naming it', () => {
    for (const bad of ['proxy.local', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', '10.0.0.1/x']) {
      expect(() => parseProxyTrust(`127.0.0.1,${bad}`)).toThrow(ProxyTrustError);
      expect(() => parseProxyTrust(bad)).toThrow(bad);
    }
  });

  it('unset or empty trusts nothing', () => {
    expect(parseProxyTrust(undefined).trusts('127.0.0.1')).toBe(false);
    expect(parseProxyTrust(' , ').trusts('127.0.0.1')).toBe(false);
  });
});

describe('TRUST_PROXY in the configuration', () => {
  it('is read into the trust the server uses', () => {
    const config = readConfig({ NODE_ENV: 'test', TRUST_PROXY: '10.0.0.0/8' });
    expect(config.trustProxy.trusts('10.1.2.3')).toBe(true);
    expect(readConfig({ NODE_ENV: 'test' }).trustProxy.trusts('127.0.0.1')).toBe(false);
  });

  it('a bad entry stops start-up with a message naming TRUST_PROXY and the entry', () => {
    expect(() => readConfig({ NODE_ENV: 'test', TRUST_PROXY: '10.0.0.1,proxy.local' })).toThrow(ConfigError);
    expect(() => readConfig({ NODE_ENV: 'test', TRUST_PROXY: '10.0.0.1,proxy.local' })).toThrow(
      /TRUST_PROXY: "proxy.local"/,
    );
  });

  it('DATABASE_REPLICA_URL needs DATABASE_URL and a postgresql:// URL', () => {
    expect(() => readConfig({ NODE_ENV: 'test', DATABASE_REPLICA_URL: 'postgresql://r/db' })).toThrow(
      /DATABASE_REPLICA_URL/,
    );
    expect(() =>
      readConfig({
        NODE_ENV: 'test',
        DATABASE_URL: 'postgresql://p/db',
        DATABASE_REPLICA_URL: 'mysql://r/db',
      }),
    ).toThrow(/DATABASE_REPLICA_URL/);
    const config = readConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgresql://p/db',
      DATABASE_REPLICA_URL: 'postgresql://r/db',
      REPLICA_READ_AFTER_WRITE_SECONDS: '3',
    });
    expect(config).toMatchObject({
      databaseReplicaUrl: 'postgresql://r/db',
      replicaReadAfterWriteSeconds: 3,
    });
  });
});
