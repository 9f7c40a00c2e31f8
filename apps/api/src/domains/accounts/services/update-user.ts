import type { Prisma, PrismaClient, Role, User } from '@cadre/db';
import { forgetCachedSessions } from '../../../auth/authenticate-request.ts';
import { assertVersion, ConflictError, NotFoundError, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildUsersWhere } from '../build-users-where.ts';
import {
  assertAdmin,
  assertAssignable,
  assertLinkablePerson,
  auditedUserFields,
  uniqueViolation,
} from '../user-rules.ts';

export async function updateUser(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  id: string;
  version: number;
  input: {
    displayName?: string | null;
    role?: Role | null;
    scopeUnitId?: string | null;
    personId?: string | null;
    active?: boolean | null;
  };
}): Promise<User> {
  const { prisma, viewer, input } = options;
  assertAdmin(viewer);
  const updating = prisma.$transaction(async (tx) => {
    const before = await tx.user.findFirst({
      where: { id: options.id, AND: [buildUsersWhere({ viewer })] },
      select: auditedUserFields,
    });
    if (!before) throw new NotFoundError('tài khoản / account');
    assertVersion('Tài khoản / Account', before.version, options.version);
    const role = input.role ?? before.role;
    if ('scopeUnitId' in input) assertAssignable(viewer, input.scopeUnitId, role);
    if (before.id === viewer.userId && input.active === false) {
      throw new ValidationError([
        {
          field: 'input.active',
          message: 'Không thể tự khóa tài khoản của chính mình / cannot lock yourself',
        },
      ]);
    }
    if (before.id === viewer.userId && input.role && input.role !== 'ADMIN') {
      throw new ValidationError([
        { field: 'input.role', message: 'Không thể tự hạ quyền của chính mình / cannot demote yourself' },
      ]);
    }
    if ('personId' in input) await assertLinkablePerson(tx, viewer, input.personId, before.id);
    const data: Prisma.UserUncheckedUpdateInput = { version: { increment: 1 } };
    if (input.displayName) data.displayName = input.displayName.trim();
    if (input.role) data.role = input.role;
    if ('scopeUnitId' in input) data.scopeUnitId = input.scopeUnitId ?? null;
    if ('personId' in input) data.personId = input.personId ?? null;
    if (typeof input.active === 'boolean') data.active = input.active;
    const updated = await tx.user.updateMany({ where: { id: before.id, version: before.version }, data });
    if (updated.count !== 1) throw new ConflictError('Tài khoản vừa bị sửa / account changed meanwhile');
    if (input.active === false || (input.role && input.role !== before.role)) {
      await tx.session.updateMany({
        where: { userId: before.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: auditedUserFields });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'updateUser',
      entity: 'User',
      entityId: before.id,
      before,
      after,
    });
    return tx.user.findUniqueOrThrow({ where: { id: before.id } });
  });
  let result: User;
  try {
    result = await updating;
  } catch (error) {
    // another admin linked the person between the check and the update
    if (uniqueViolation(error) && input.personId) {
      await assertLinkablePerson(prisma, viewer, input.personId, options.id);
    }
    throw error;
  }
  forgetCachedSessions();
  return result;
}
