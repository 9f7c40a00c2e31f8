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
import type { MiddlewareHandler } from 'hono';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { readCookie, sessionCookieName } from '../auth/cookies.ts';
import {
  type AddressedRequest,
  clientAddress,
  type ProxyTrust,
  trustNoProxy,
} from '../http/client-address.ts';
import type { ApiEnv } from '../http/respond.ts';

export type RateLimiter = {
  /** null while the caller is within the limit; over it, the 429 answer to send */
  refusal(request: AddressedRequest): Promise<Response | null>;
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
function sessionKey(request: AddressedRequest): string | null {
  const auth = request.headers?.authorization;
  let token = auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : undefined;
  token ||= readCookie(request.headers?.cookie ?? null, sessionCookieName);
  return token ? `s:${createHash('sha256').update(token).digest('hex').slice(0, 32)}` : null;
}

function refusal(policy: RateLimitPolicy, msBeforeNext: number): Response {
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
  return new Response(body, {
    status: 429,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'retry-after': String(retryAfter),
      'cache-control': 'no-store',
    },
  });
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
  if (policy.limit === 0) return { store: 'off', refusal: async () => null, close: async () => {} };
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
    async refusal(request) {
      const keys = [`ip:${clientAddress(request, trust)}`];
      const session = sessionKey(request);
      if (session) keys.push(session);
      try {
        // one session from many addresses is still one client, and one address is one client
        await Promise.all(keys.map((key) => limiter.consume(key)));
        return null;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return refusal(policy, error.msBeforeNext);
      }
    },
    close,
  };
}

/** The limit as a Hono middleware: over it, the 429 goes out and the route is not run. */
export function rateLimit(limiter: RateLimiter): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const refused = await limiter.refusal(c.env.incoming);
    if (refused) return refused;
    await next();
  };
}
