import { describe, expect, it } from 'vitest';
import { createMemoryLoginThrottle } from './login-throttle.ts';

describe('in-memory login throttle', () => {
  it('blocks a username+address for 15 minutes after 5 failures within 15 minutes', async () => {
    let now = 0;
    const throttle = createMemoryLoginThrottle(undefined, () => now);
    for (let i = 0; i < 4; i += 1) {
      await throttle.recordFailure('head|1.2.3.4');
      now += 60_000;
    }
    expect(await throttle.retryAfter('head|1.2.3.4')).toBe(0);
    await throttle.recordFailure('head|1.2.3.4');
    expect(await throttle.retryAfter('head|1.2.3.4')).toBe(900);
    expect(await throttle.retryAfter('head|5.6.7.8')).toBe(0);
    now += 15 * 60_000 + 1;
    expect(await throttle.retryAfter('head|1.2.3.4')).toBe(0);
  });

  it('forgets failures older than the window', async () => {
    let now = 0;
    const throttle = createMemoryLoginThrottle(undefined, () => now);
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure('staff|ip');
    now += 16 * 60_000;
    await throttle.recordFailure('staff|ip');
    expect(await throttle.retryAfter('staff|ip')).toBe(0);
  });
});
