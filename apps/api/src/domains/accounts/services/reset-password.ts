import type { PrismaClient, User } from '@cadre/db';
import { forgetCachedSessions } from '../../../auth/authenticate-request.ts';
import { checkPasswordPolicy, hashPassword } from '../../../auth/password.ts';
import { NotFoundError, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildUsersWhere } from '../build-users-where.ts';
import { assertAdmin } from '../user-rules.ts';

/** Sets a new password chosen by the admin; the account must change it at next login; sessions are revoked. */
export async function resetPassword(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  id: string;
  newPassword: string;
}): Promise<User> {
  const { prisma, viewer } = options;
  assertAdmin(viewer);
  const target = await prisma.user.findFirst({
    where: { id: options.id, AND: [buildUsersWhere({ viewer })] },
  });
  if (!target) throw new NotFoundError('tài khoản / account');
  const issues = checkPasswordPolicy({
    password: options.newPassword,
    username: target.username,
    field: 'newPassword',
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const passwordHash = await hashPassword(options.newPassword);
  const result = await prisma.$transaction(async (tx) => {
    await tx.session.updateMany({
      where: { userId: target.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const user = await tx.user.update({
      where: { id: target.id },
      data: {
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await writeAudit({ tx, actor: viewer, action: 'resetPassword', entity: 'User', entityId: target.id });
    return user;
  });
  forgetCachedSessions();
  return result;
}
