import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

// text assets the build precompresses; images and fonts are compressed already
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

const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The encodings the client accepts (q > 0), from its Accept-Encoding header. */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

/** The best precompressed copy of a file the client accepts: brotli, then gzip; null for none. */
async function precompressed(
  file: string,
  header: string | undefined,
): Promise<(typeof encodings)[number] | null> {
  const accepted = acceptedEncodings(header);
  for (const encoding of encodings) {
    if (!accepted.has(encoding.name) && !accepted.has('*')) continue;
    const info = await stat(`${file}${encoding.suffix}`).catch(() => null);
    if (info?.isFile()) return encoding;
  }
  return null;
}

const missingBuildPage = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Chưa dựng ứng dụng web</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Ứng dụng web chưa được dựng / The web app is not built</h1>
<p>Chạy <code>npm run build -w @cadre/web</code> (hoặc <code>npm start</code> ở thư mục gốc) rồi tải lại trang.</p>
<p>Run <code>npm run build -w @cadre/web</code> (or <code>npm start</code> at the repository root), then reload.</p>
<p>GraphQL: <a href="/graphql">/graphql</a></p>
</body></html>`;

/** Serves the built web app: hashed assets cached for a year, index.html always revalidated, SPA fallback. */
export function createStaticHandler(options: { root: string }) {
  const root = path.resolve(options.root);
  const indexFile = path.join(root, 'index.html');

  async function sendFile(
    request: IncomingMessage,
    response: ServerResponse,
    original: string,
    cacheControl: string,
  ): Promise<void> {
    const extension = path.extname(original).toLowerCase();
    const type = contentTypes[extension] ?? 'application/octet-stream';
    let file = original;
    if (compressible.has(extension)) {
      // the build wrote .br and .gz beside each text asset (apps/web/vite.config.ts): sent as they are
      response.setHeader('vary', 'Accept-Encoding');
      const encoding = await precompressed(original, request.headers['accept-encoding']);
      if (encoding) {
        file = `${original}${encoding.suffix}`;
        response.setHeader('content-encoding', encoding.name);
      }
    }
    const info = await stat(file);
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    response.setHeader('content-type', type);
    response.setHeader('cache-control', cacheControl);
    response.setHeader('etag', etag);
    response.setHeader('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === etag) {
      response.statusCode = 304;
      response.end();
      return;
    }
    response.setHeader('content-length', info.size);
    response.statusCode = 200;
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file);
      stream.on('error', reject);
      stream.on('end', () => resolve());
      stream.pipe(response);
    });
  }

  return async function serveStatic(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Method not allowed');
      return;
    }
    if (!existsSync(indexFile)) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : missingBuildPage);
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Bad request');
      return;
    }
    const file = path.resolve(root, `.${pathname}`);
    const inside = file === root || file.startsWith(root + path.sep);
    if (inside && file !== root) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) {
        const hashed = pathname.startsWith('/assets/');
        const cache = hashed
          ? 'public, max-age=31536000, immutable'
          : pathname === '/index.html'
            ? 'no-cache'
            : 'public, max-age=3600';
        await sendFile(request, response, file, cache);
        return;
      }
    }
    // a missing asset is a real 404; any other path is a client-side route
    if (pathname.startsWith('/assets/') || (path.extname(pathname) !== '' && !pathname.endsWith('.html'))) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    await sendFile(request, response, indexFile, 'no-cache');
  };
}
