import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import type { ApiEnv } from './respond.ts';

// The built web app (apps/web/dist) through the Node adapter's serveStatic: the .br and .gz copies
// the build wrote beside each text asset (apps/web/vite.config.ts) are sent as they are to a
// browser that takes them; hashed assets are cached for a year, index.html is always revalidated,
// any other path without an extension is a client-side route (SPA fallback).

// text assets the build precompresses (their answer varies with Accept-Encoding); images and
// fonts are compressed already
const compressible = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.webmanifest',
  '.wasm',
]);

const missingBuildPage = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Chưa dựng ứng dụng web</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Ứng dụng web chưa được dựng / The web app is not built</h1>
<p>Chạy <code>npm run build -w @cadre/web</code> (hoặc <code>npm start</code> ở thư mục gốc) rồi tải lại trang.</p>
<p>Run <code>npm run build -w @cadre/web</code> (or <code>npm start</code> at the repository root), then reload.</p>
<p>GraphQL: <a href="/graphql">/graphql</a></p>
</body></html>`;

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });

type StaticEnv = ApiEnv & { Variables: { servedFile?: string; indexPage?: boolean } };

/** The web app's routes: every path the API does not answer itself. */
export function webApp(options: { root: string }): Hono<StaticEnv> {
  const root = path.resolve(options.root);
  const indexFile = path.join(root, 'index.html');
  const web = new Hono<StaticEnv>();

  web.all('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return text(405, 'Method not allowed', { allow: 'GET, HEAD' });
    }
    if (!existsSync(indexFile)) {
      return new Response(c.req.method === 'HEAD' ? null : missingBuildPage, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    try {
      decodeURIComponent(c.req.path);
    } catch {
      return text(400, 'Bad request');
    }
    await next();
  });

  // a weak validator from the size and time of the file sent (If-None-Match → 304)
  web.use('*', etag({ weak: true }));
  web.use('*', async (c, next) => {
    await next();
    const file = c.get('servedFile');
    if (!file || (c.res.status !== 200 && c.res.status !== 206)) return;
    const pathname = c.req.path;
    const info = statSync(file);
    c.header('etag', `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`);
    c.header(
      'cache-control',
      pathname.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : c.get('indexPage')
          ? 'no-cache'
          : 'public, max-age=3600',
    );
    c.header('x-content-type-options', 'nosniff');
    const extension = path.extname(c.get('indexPage') ? indexFile : pathname).toLowerCase();
    if (compressible.has(extension)) c.header('vary', 'Accept-Encoding');
  });

  const onFound = (file: string, c: Context<StaticEnv>) => {
    c.set('servedFile', file);
    c.set('indexPage', file === indexFile || file.startsWith(`${indexFile}.`));
  };
  // made once the build is there (serveStatic complains at creation about a missing root)
  let served: { files: MiddlewareHandler<StaticEnv>; index: MiddlewareHandler<StaticEnv> } | undefined;
  const serve = () =>
    (served ??= {
      files: serveStatic<StaticEnv>({ root, precompressed: true, onFound }),
      index: serveStatic<StaticEnv>({ root, path: 'index.html', precompressed: true, onFound }),
    });
  web.get('*', (c, next) => serve().files(c, next));

  // a missing asset is a real 404; any other path is a client-side route
  web.get('*', async (c, next) => {
    const pathname = c.req.path;
    if (pathname.startsWith('/assets/') || (path.extname(pathname) !== '' && !pathname.endsWith('.html'))) {
      return text(404, 'Not found');
    }
    await next();
  });
  web.get('*', (c, next) => serve().index(c, next));
  return web;
}
