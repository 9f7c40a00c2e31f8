// A generous per-client limit on /graphql: a fixed window per IP and per session token, in memory
// (each replica counts its own; behind several replicas the effective limit is multiplied).
// GRAPHQL_RATE_LIMIT requests per GRAPHQL_RATE_WINDOW_SECONDS; 0 turns the limit off.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionCookieName } from '../auth/cookies.ts';

export type RateLimiter = {
  /** false when the caller is over the limit; the 429 answer has then been sent */
  admit(request: IncomingMessage, response: ServerResponse): boolean;
};

type Window = { started: number; count: number };

export function readRateLimitPolicy(env: Record<string, string | undefined> = process.env) {
  const limit = Number(env.GRAPHQL_RATE_LIMIT ?? 1200);
  const windowSeconds = Number(env.GRAPHQL_RATE_WINDOW_SECONDS ?? 60);
  return {
    limit: Number.isFinite(limit) && limit >= 0 ? Math.floor(limit) : 1200,
    windowMs: (Number.isFinite(windowSeconds) && windowSeconds > 0 ? windowSeconds : 60) * 1000,
  };
}

function sessionKey(request: IncomingMessage): string | null {
  const auth = request.headers.authorization;
  let token = auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : undefined;
  if (!token) {
    const cookie = request.headers.cookie ?? '';
    token = cookie
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${sessionCookieName}=`))
      ?.slice(sessionCookieName.length + 1);
  }
  // the token itself is never kept, only a short digest of it
  return token ? `s:${createHash('sha256').update(token).digest('hex').slice(0, 32)}` : null;
}

export function createRateLimiter(
  policy: { limit: number; windowMs: number } = readRateLimitPolicy(),
  now: () => number = Date.now,
): RateLimiter {
  const windows = new Map<string, Window>();
  let lastSweep = now();

  function hit(key: string, at: number): Window {
    let window = windows.get(key);
    if (!window || at - window.started >= policy.windowMs) {
      window = { started: at, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    return window;
  }

  return {
    admit(request, response) {
      if (policy.limit === 0) return true;
      const at = now();
      if (at - lastSweep > policy.windowMs) {
        for (const [key, window] of windows) if (at - window.started >= policy.windowMs) windows.delete(key);
        lastSweep = at;
      }
      const keys = [`ip:${request.socket.remoteAddress ?? 'unknown'}`];
      const session = sessionKey(request);
      if (session) keys.push(session);
      const over = keys.map((key) => hit(key, at)).find((window) => window.count > policy.limit);
      if (!over) return true;
      const retryAfter = Math.max(1, Math.ceil((over.started + policy.windowMs - at) / 1000));
      const body = JSON.stringify({
        errors: [
          {
            message: `Quá nhiều yêu cầu, thử lại sau ${retryAfter} giây / Too many requests, retry in ${retryAfter} s`,
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
      response.writeHead(429, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(retryAfter),
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
      return false;
    },
  };
}
