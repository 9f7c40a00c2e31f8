// A generous per-client limit on /graphql: GRAPHQL_RATE_LIMIT requests per
// GRAPHQL_RATE_WINDOW_SECONDS for each client address (http/client-address.ts, behind TRUST_PROXY)
// and for each session token (a digest of it, never the token), whichever is reached first; 0 turns
// the limit off.
//
// Counted by rate-limiter-flexible: in Redis when REDIS_URL is set, so every API replica counts the
// same requests (a client spread over three replicas gets the limit once, not three times); if
// Redis stops answering each replica falls back to counting in its own memory until it is back,
// rather than refusing every request. Without Redis (the embedded set-up, one process) the count
// is in memory. PostgreSQL is deliberately not used as the store: it would put a write on the
// primary for every request.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { sessionCookieName } from '../auth/cookies.ts';
import { clientAddress, type ProxyTrust, trustNoProxy } from '../http/client-address.ts';

export type RateLimiter = {
  /** false when the caller is over the limit; the 429 answer has then been sent */
  admit(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** where the counts are kept */
  readonly store: 'redis' | 'memory' | 'off';
  close(): Promise<void>;
};

export type RateLimitPolicy = { limit: number; windowSeconds: number };

export function readRateLimitPolicy(env: Record<string, string | undefined> = process.env): RateLimitPolicy {
  const limit = Number(env.GRAPHQL_RATE_LIMIT ?? 1200);
  const windowSeconds = Number(env.GRAPHQL_RATE_WINDOW_SECONDS ?? 60);
  return {
    limit: Number.isFinite(limit) && limit >= 0 ? Math.floor(limit) : 1200,
    // the stores count whole seconds
    windowSeconds:
      Number.isFinite(windowSeconds) && windowSeconds > 0 ? Math.max(1, Math.ceil(windowSeconds)) : 60,
  };
}

/** The session token of the request (bearer, else the session cookie) as a short digest. */
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
  return token ? `s:${createHash('sha256').update(token).digest('hex').slice(0, 32)}` : null;
}

function refuse(response: ServerResponse, policy: RateLimitPolicy, msBeforeNext: number): void {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const body = JSON.stringify({
    errors: [
      {
        message: `Quá nhiều yêu cầu (GRAPHQL_RATE_LIMIT: ${policy.limit} yêu cầu / ${policy.windowSeconds} giây), thử lại sau ${retryAfter} giây / Too many requests (GRAPHQL_RATE_LIMIT: ${policy.limit} per ${policy.windowSeconds} s), retry in ${retryAfter} s`,
        extensions: {
          code: 'RATE_LIMITED',
          limit: 'GRAPHQL_RATE_LIMIT',
          limitRequests: policy.limit,
          windowSeconds: policy.windowSeconds,
          retryAfterSeconds: retryAfter,
        },
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
}

export type RateLimiterOptions = {
  policy?: RateLimitPolicy;
  /** the proxies whose X-Forwarded-For names the client (TRUST_PROXY) */
  trust?: ProxyTrust;
  /** REDIS_URL: counts shared by every replica */
  redisUrl?: string;
};

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const policy = options.policy ?? readRateLimitPolicy();
  const trust = options.trust ?? trustNoProxy;
  if (policy.limit === 0) return { store: 'off', admit: async () => true, close: async () => {} };
  const settings = { points: policy.limit, duration: policy.windowSeconds, keyPrefix: 'cadre:graphql' };
  let limiter: RateLimiterAbstract;
  let close = async () => {};
  if (options.redisUrl) {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    limiter = new RateLimiterRedis({
      ...settings,
      storeClient: redis,
      useRedisPackage: false,
      insuranceLimiter: new RateLimiterMemory(settings),
    });
    close = async () => {
      await redis.quit().catch(() => undefined);
    };
  } else {
    limiter = new RateLimiterMemory(settings);
  }

  return {
    store: options.redisUrl ? 'redis' : 'memory',
    async admit(request, response) {
      const keys = [`ip:${clientAddress(request, trust)}`];
      const session = sessionKey(request);
      if (session) keys.push(session);
      try {
        // one session from many addresses is still one client, and one address is one client
        await Promise.all(keys.map((key) => limiter.consume(key)));
        return true;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        refuse(response, policy, error.msBeforeNext);
        return false;
      }
    },
    close,
  };
}
