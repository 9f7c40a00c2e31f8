import { Redis } from 'ioredis';

/** Counts failed logins per username+IP: after `maxFailures` within `windowSeconds`, refuse for `blockSeconds`. */
export type LoginThrottle = {
  /** seconds until the key may try again, 0 when it may try now */
  retryAfter(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
};

export type ThrottlePolicy = { maxFailures: number; windowSeconds: number; blockSeconds: number };

export const defaultThrottlePolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};

export function throttleKey(username: string, ip: string): string {
  return `${username.trim().toLowerCase()}|${ip}`;
}

/** One process: good for the embedded set-up and tests. */
export function createMemoryLoginThrottle(
  policy: ThrottlePolicy = defaultThrottlePolicy,
  now: () => number = Date.now,
): LoginThrottle {
  const failures = new Map<string, number[]>();
  const blockedUntil = new Map<string, number>();
  return {
    async retryAfter(key) {
      const until = blockedUntil.get(key) ?? 0;
      const left = Math.ceil((until - now()) / 1000);
      if (left > 0) return left;
      blockedUntil.delete(key);
      return 0;
    },
    async recordFailure(key) {
      const current = now();
      const recent = (failures.get(key) ?? []).filter((at) => at > current - policy.windowSeconds * 1000);
      recent.push(current);
      if (recent.length >= policy.maxFailures) {
        blockedUntil.set(key, current + policy.blockSeconds * 1000);
        failures.delete(key);
      } else {
        failures.set(key, recent);
      }
      if (failures.size > 100_000) failures.clear(); // bound memory under a credential-stuffing flood
    },
    async reset(key) {
      failures.delete(key);
      blockedUntil.delete(key);
    },
    async close() {},
  };
}

/** Shared between API replicas. A fixed window started by the first failure. */
export function createRedisLoginThrottle(
  redisUrl: string,
  policy: ThrottlePolicy = defaultThrottlePolicy,
): LoginThrottle {
  const redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const failKey = (key: string) => `cadre:login:fail:${key}`;
  const blockKey = (key: string) => `cadre:login:block:${key}`;
  return {
    async retryAfter(key) {
      const ttl = await redis.ttl(blockKey(key));
      return Math.max(ttl, 0);
    },
    async recordFailure(key) {
      const count = await redis.incr(failKey(key));
      if (count === 1) await redis.expire(failKey(key), policy.windowSeconds);
      if (count >= policy.maxFailures) {
        await redis.multi().set(blockKey(key), '1', 'EX', policy.blockSeconds).del(failKey(key)).exec();
      }
    },
    async reset(key) {
      await redis.del(failKey(key), blockKey(key));
    },
    async close() {
      await redis.quit();
    },
  };
}
