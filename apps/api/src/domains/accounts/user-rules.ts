import type { Prisma, Role } from '@cadre/db';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import { unitInScope, type Viewer } from '../../scope/viewer.ts';
import { buildPeopleWhere } from '../people/build-people-where.ts';

// Account administration rules shared by create-user, update-user and reset-password:
// admins only; a scoped admin manages accounts inside their scope.

export const auditedUserFields = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  scopeUnitId: true,
  personId: true,
  active: true,
  mustChangePassword: true,
  version: true,
} satisfies Prisma.UserSelect;

export function assertAdmin(viewer: Viewer): void {
  if (viewer.role !== 'ADMIN') throw new ForbiddenError();
}

export function assertAssignable(viewer: Viewer, scopeUnitId: string | null | undefined, role: Role): void {
  if (scopeUnitId === undefined) return;
  if (scopeUnitId === null) {
    // only a province-wide admin may create scope-less admin/officer accounts
    if (viewer.unitIds !== null && role !== 'STAFF' && role !== 'COUNCIL_MEMBER') throw new ForbiddenError();
    return;
  }
  if (!unitInScope(viewer, scopeUnitId)) {
    throw new ValidationError([
      { field: 'input.scopeUnitId', message: 'Đơn vị ngoài phạm vi của bạn / unit outside your scope' },
    ]);
  }
}

export function usernameTaken(username: string): ValidationError {
  return new ValidationError([
    {
      field: 'input.username',
      message: `Tên đăng nhập "${username}" đã có người dùng, chọn tên khác / username "${username}" is taken`,
    },
  ]);
}

/**
 * A person an account may be linked to: one inside the admin's scope, not already the person of
 * another account (one account per person).
 */
export async function assertLinkablePerson(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  personId: string | null | undefined,
  userId: string | null,
): Promise<void> {
  if (!personId) return;
  const person = await tx.person.findFirst({
    where: { id: personId, AND: [buildPeopleWhere({ viewer })] },
    select: { fullName: true, code: true, user: { select: { id: true, username: true } } },
  });
  if (!person) {
    throw new ValidationError([
      {
        field: 'input.personId',
        message: 'Không tìm thấy cán bộ trong phạm vi của bạn / person not found in your scope',
      },
    ]);
  }
  if (person.user && person.user.id !== userId) {
    throw new ValidationError([
      {
        field: 'input.personId',
        message: `${person.fullName} (${person.code}) đã gắn với tài khoản "${person.user.username}" / ${person.fullName} (${person.code}) is already linked to account "${person.user.username}"`,
      },
    ]);
  }
}

/** A unique violation Prisma reports (P2002), and on which columns if it says. */
export function uniqueViolation(error: unknown): string[] | null {
  if ((error as { code?: string } | null)?.code !== 'P2002') return null;
  const target = (error as { meta?: { target?: unknown } }).meta?.target;
  return Array.isArray(target) ? target.map(String) : typeof target === 'string' ? [target] : [];
}
