// A device an account signed in from keeps a cookie signed with the server's secret: its next
// login skips the per-name limit (login-throttle.ts), so others guessing the name cannot lock the
// owner out. The cookie holds only a MAC of the account id; nothing is stored.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readCookie } from './cookies.ts';

export const deviceCookieName = 'cadre_device';
const maxAgeSeconds = 180 * 24 * 3600;

function deviceMac(secret: Buffer, userId: string): string {
  return createHmac('sha256', secret).update(`login-device:${userId}`).digest('base64url');
}

export function isKnownDevice(request: Request, secret: Buffer, userId: string): boolean {
  const presented = readCookie(request.headers.get('cookie'), deviceCookieName);
  if (!presented || secret.length === 0) return false;
  const expected = Buffer.from(deviceMac(secret, userId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function serializeDeviceCookie(options: { secret: Buffer; userId: string; secure: boolean }): string {
  const parts = [
    `${deviceCookieName}=${deviceMac(options.secret, options.userId)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
