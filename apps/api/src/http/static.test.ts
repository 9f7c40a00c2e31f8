import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApp } from './static.ts';

describe('the built web app', () => {
  let server: Server;
  let base: string;
  const script = `console.log(${JSON.stringify('Đăng nhập '.repeat(500))});\n`;

  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cadre-static-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Cán bộ</title>');
    const asset = path.join(root, 'assets/login-abc123.js');
    writeFileSync(asset, script);
    writeFileSync(`${asset}.br`, brotliCompressSync(script));
    writeFileSync(`${asset}.gz`, gzipSync(script));
    writeFileSync(path.join(root, 'assets/logo-abc123.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    server = createServer(getRequestListener(webApp({ root }).fetch, { overrideGlobalObjects: false }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  // node's fetch would decode the body itself: raw requests show what travels
  async function get(pathname: string, acceptEncoding?: string) {
    const { request } = await import('node:http');
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        const outgoing = request(
          `${base}${pathname}`,
          { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
          (incoming) => {
            const parts: Buffer[] = [];
            incoming.on('data', (part: Buffer) => parts.push(part));
            incoming.on('end', () =>
              resolve({
                status: incoming.statusCode ?? 0,
                headers: incoming.headers,
                body: Buffer.concat(parts),
              }),
            );
          },
        );
        outgoing.on('error', reject);
        outgoing.end();
      },
    );
  }

  it('serves a .js asset brotli-compressed to a browser that takes it, with Vary', async () => {
    const response = await get('/assets/login-abc123.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(response.body).toString('utf8')).toBe(script);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gzip = await get('/assets/login-abc123.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(script);
    const refused = await get('/assets/login-abc123.js', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString('utf8')).toBe(script);
    const plain = await get('/assets/login-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('sends images as they are, and the index page plain when no copy was built', async () => {
    const image = await get('/assets/logo-abc123.png', 'br');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers.vary).toBeUndefined();
    const page = await get('/some/route', 'br');
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString('utf8')).toContain('Cán bộ');
  });

  it('revalidates with the ETag (304), caches hashed assets for a year, and answers only GET and HEAD', async () => {
    const first = await fetch(`${base}/assets/login-abc123.js`, { headers: { 'accept-encoding': 'br' } });
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(etag).toMatch(/^W\/"/);
    await first.arrayBuffer();
    const again = await fetch(`${base}/assets/login-abc123.js`, {
      headers: { 'accept-encoding': 'br', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${base}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('Cán bộ');
    const head = await fetch(`${base}/some/route`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${base}/some/route`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/assets/missing-abc123.js`)).status).toBe(404);
  });
});
