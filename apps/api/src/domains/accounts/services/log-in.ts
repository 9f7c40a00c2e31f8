import type { PrismaClient, User } from '@cadre/db';
import type { LoginThrottle } from '../../../auth/login-throttle.ts';
import { burnPasswordCheck, verifyPassword } from '../../../auth/password.ts';
import { generateToken, hashToken } from '../../../auth/session-token.ts';
import { AppError, text } from '../../../errors.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';

export type LogInResult = { token: string; csrfToken: string; expiresAt: Date; user: User };

const wrongCredentials = text('login.wrongCredentials');

/**
 * Reserves an attempt (login-throttle.ts) before any password is checked, checks it, and opens a
 * session (its token is returned once). Unknown and deactivated names cost the same argon2 check.
 */
export async function logIn(options: {
  prisma: PrismaClient;
  throttle: LoginThrottle;
  /** whether the request carries this account's device cookie (auth/login-device.ts) */
  isKnownDevice: (userId: string) => boolean;
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  sessionTtlHours: number;
}): Promise<LogInResult> {
  const username = options.username.trim().toLowerCase();
  const user = await options.prisma.user.findUnique({ where: { username } });
  const attempt = {
    username,
    ip: options.ip,
    knownDevice: user ? options.isKnownDevice(user.id) : false,
  };
  await options.throttle.reserve(attempt);
  const valid = user?.active ? await verifyPassword(user.passwordHash, options.password) : false;
  if (!user || !valid) {
    if (!user?.active) await burnPasswordCheck(options.password);
    throw new AppError('UNAUTHENTICATED', wrongCredentials);
  }
  await options.throttle.succeeded(attempt);

  const token = generateToken();
  const csrfToken = generateToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + options.sessionTtlHours * 3_600_000);
  const updated = await options.prisma.$transaction(async (tx) => {
    const session = await tx.session.create({
      data: {
        tokenHash: hashToken(token),
        csrfToken,
        userId: user.id,
        expiresAt,
        userAgent: options.userAgent?.slice(0, 300) ?? null,
      },
    });
    const saved = await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await writeAudit({
      tx,
      actor: { userId: user.id, username: user.username },
      action: 'login',
      entity: 'Session',
      entityId: session.id,
      after: { userId: user.id, expiresAt, ip: options.ip },
    });
    return saved;
  });
  return { token, csrfToken, expiresAt, user: updated };
}
