// Login attempts are reserved before any password is checked (rate-limiter-flexible: atomic in
// memory and in Redis), so 40 wrong passwords sent at once cost at most the reservations there are:
//
// - per address: 100 attempts in 15 minutes, whatever the names (a sprayer stops quickly);
// - per name and address: 5 attempts in 15 minutes, then that pair waits 15 minutes (the owner on
//   another address is not affected);
// - per name from every address: 10 attempts in 15 minutes, then 15 minutes of waiting — but not
//   for a device the account signed in from before (a signed device cookie, see login-device.ts),
//   so a third party guessing from many addresses slows the guessing and cannot lock the owner out.
//
// A correct password frees the reservations of its name (and its name and address).
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { AppError, text } from '../errors.ts';

export type LoginThrottle = {
  /** reserves one attempt, or throws RATE_LIMITED with the seconds to wait */
  reserve(attempt: LoginAttempt): Promise<void>;
  /** the password was right: the name's reservations are given back */
  succeeded(attempt: LoginAttempt): Promise<void>;
  close(): Promise<void>;
};

export type LoginAttempt = {
  username: string;
  ip: string;
  /** the request carries this account's device cookie: the per-name limit does not apply */
  knownDevice: boolean;
};

export type ThrottlePolicy = {
  perAddress: number;
  perNameAndAddress: number;
  perName: number;
  windowSeconds: number;
  blockSeconds: number;
};

export const defaultThrottlePolicy: ThrottlePolicy = {
  perAddress: 100,
  perNameAndAddress: 5,
  perName: 10,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};

type Limiters = {
  address: RateLimiterAbstract;
  nameAndAddress: RateLimiterAbstract;
  name: RateLimiterAbstract;
};

const normalise = (username: string) => username.trim().toLowerCase();

function rateLimited(seconds: number): AppError {
  const wait = Math.max(1, Math.ceil(seconds));
  const minutes = Math.ceil(wait / 60);
  return new AppError('RATE_LIMITED', text('login.throttled', { minutes }), { retryAfterSeconds: wait });
}

async function take(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext / 1000);
    throw error;
  }
}

function throttleOver(limiters: Limiters, close: () => Promise<void>): LoginThrottle {
  return {
    async reserve(attempt) {
      const name = normalise(attempt.username);
      await take(limiters.address, attempt.ip);
      await take(limiters.nameAndAddress, `${name}|${attempt.ip}`);
      if (!attempt.knownDevice) await take(limiters.name, name);
    },
    async succeeded(attempt) {
      const name = normalise(attempt.username);
      await Promise.all([
        limiters.nameAndAddress.delete(`${name}|${attempt.ip}`),
        limiters.name.delete(name),
        limiters.address.reward(attempt.ip, 1),
      ]);
    },
    close,
  };
}

function options(policy: ThrottlePolicy) {
  const base = { duration: policy.windowSeconds, blockDuration: policy.blockSeconds };
  return {
    address: { ...base, points: policy.perAddress, keyPrefix: 'cadre:login:ip' },
    nameAndAddress: { ...base, points: policy.perNameAndAddress, keyPrefix: 'cadre:login:name-ip' },
    name: { ...base, points: policy.perName, keyPrefix: 'cadre:login:name' },
  };
}

/** One process: the embedded set-up and tests. */
export function createMemoryLoginThrottle(policy: ThrottlePolicy = defaultThrottlePolicy): LoginThrottle {
  const settings = options(policy);
  return throttleOver(
    {
      address: new RateLimiterMemory(settings.address),
      nameAndAddress: new RateLimiterMemory(settings.nameAndAddress),
      name: new RateLimiterMemory(settings.name),
    },
    async () => {},
  );
}

/** Shared by every API replica (REDIS_URL). */
export function createRedisLoginThrottle(
  redisUrl: string,
  policy: ThrottlePolicy = defaultThrottlePolicy,
): LoginThrottle {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const settings = options(policy);
  const make = (config: (typeof settings)['address']) =>
    new RateLimiterRedis({ ...config, storeClient: redis, useRedisPackage: false });
  return throttleOver(
    {
      address: make(settings.address),
      nameAndAddress: make(settings.nameAndAddress),
      name: make(settings.name),
    },
    async () => {
      await redis.quit();
    },
  );
}
