import type { Prisma, Role } from '@cadre/db';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { unitInScope, type Viewer } from '../scope/viewer.ts';

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
