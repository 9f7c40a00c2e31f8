import type { PrismaClient } from '@cadre/db';
import { forgetCachedSessions } from '../../../auth/authenticate-request.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../../auth/password.ts';
import { ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';

/** The viewer changes their own password; every other session of the account is revoked. */
export async function changePassword(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  const { prisma, viewer } = options;
  const user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.userId } });
  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    throw new ValidationError([
      { field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng / Current password is wrong' },
    ]);
  }
  const issues = checkPasswordPolicy({
    password: options.newPassword,
    username: user.username,
    field: 'newPassword',
  });
  if (options.newPassword === options.currentPassword) {
    issues.push({
      field: 'newPassword',
      message: 'Mật khẩu mới phải khác mật khẩu cũ / New password must differ',
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const passwordHash = await hashPassword(options.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        passwordChangedAt: new Date(),
        mustChangePassword: false,
        version: { increment: 1 },
      },
    });
    await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: viewer.sessionId } },
      data: { revokedAt: new Date() },
    });
    await writeAudit({ tx, actor: viewer, action: 'changePassword', entity: 'User', entityId: user.id });
  });
  forgetCachedSessions();
}
