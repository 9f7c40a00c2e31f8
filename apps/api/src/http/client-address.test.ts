import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLoginThrottle } from '../auth/login-throttle.ts';
import { ConfigError, readConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { createYoga } from '../yoga.ts';
import {
  clientAddress,
  isHttpsRequest,
  ProxyTrustError,
  parseProxyTrust,
  trustNoProxy,
} from './client-address.ts';

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

describe('isHttpsRequest', () => {
  const proxies = parseProxyTrust('10.0.0.0/8');
  const https = (peer: string, proto?: string, encrypted = false) => ({
    socket: { remoteAddress: peer, encrypted },
    headers: proto === undefined ? {} : { 'x-forwarded-proto': proto },
  });

  it('a client that writes X-Forwarded-Proto: https itself is not believed', () => {
    expect(isHttpsRequest(https('203.0.113.7', 'https'), proxies)).toBe(false);
    expect(isHttpsRequest(https('127.0.0.1', 'https'), trustNoProxy)).toBe(false);
  });

  it('a trusted proxy saying https is believed; saying http, or nothing, is plain HTTP', () => {
    expect(isHttpsRequest(https('10.0.0.2', 'https'), proxies)).toBe(true);
    expect(isHttpsRequest(https('10.0.0.2', 'HTTPS, http'), proxies)).toBe(true);
    expect(isHttpsRequest(https('10.0.0.2', 'http'), proxies)).toBe(false);
    expect(isHttpsRequest(https('10.0.0.2'), proxies)).toBe(false);
  });

  it('TLS on the socket itself is HTTPS whoever the peer is', () => {
    expect(isHttpsRequest(https('203.0.113.7', undefined, true), trustNoProxy)).toBe(true);
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

describe('the address a login is throttled and audited under', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp('pglite');
  });
  afterAll(() => app.close());

  const login = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
  async function attempt(yoga: TestApp['yoga'], username: string, peer: string, forwardedFor: string) {
    const response = await yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ query: login, variables: { u: username, p: 'wrong-password' } }),
      },
      { req: { socket: { remoteAddress: peer }, headers: { 'x-forwarded-for': forwardedFor } } } as never,
    );
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors?.[0]?.extensions?.code ?? 'OK';
  }

  it('a client that is no trusted proxy cannot escape the throttle by forging X-Forwarded-For', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 7; i += 1)
      codes.push(await attempt(app.yoga, 'staff', '203.0.113.9', `198.51.100.${i}`));
    // 5 per name and address: the forged addresses were ignored, all 7 came from 203.0.113.9
    expect(codes).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('behind a trusted proxy, the addresses it forwards are the clients', async () => {
    const services = {
      ...app.services,
      config: { ...app.services.config, trustProxy: parseProxyTrust('10.0.0.0/8') },
      throttle: createMemoryLoginThrottle(),
    };
    const yoga = createYoga(services);
    const codes: string[] = [];
    for (let i = 0; i < 7; i += 1) codes.push(await attempt(yoga, 'council', '10.0.0.2', `198.51.100.${i}`));
    // seven clients, one attempt each: none is over the per-address limit (the per-name one is 10)
    expect(codes).toEqual(Array(7).fill('UNAUTHENTICATED'));
    await services.throttle.close();
  });
});
