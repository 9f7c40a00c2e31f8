import type { PrismaClient, Role, User } from '@cadre/db';
import { checkPasswordPolicy, hashPassword } from '../../../auth/password.ts';
import { ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import {
  assertAdmin,
  assertAssignable,
  assertLinkablePerson,
  auditedUserFields,
  uniqueViolation,
  usernameTaken,
} from '../user-rules.ts';

export async function createUser(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  input: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    scopeUnitId?: string | null;
    personId?: string | null;
  };
}): Promise<User> {
  const { prisma, viewer, input } = options;
  assertAdmin(viewer);
  const username = input.username.trim().toLowerCase();
  const issues = checkPasswordPolicy({ password: input.password, username, field: 'input.password' });
  if (issues.length > 0) throw new ValidationError(issues);
  assertAssignable(viewer, input.scopeUnitId ?? null, input.role);
  const passwordHash = await hashPassword(input.password);
  const created = prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username }, select: { id: true } }))
      throw usernameTaken(username);
    await assertLinkablePerson(tx, viewer, input.personId, null);
    const user = await tx.user.create({
      data: {
        username,
        displayName: input.displayName.trim(),
        passwordHash,
        role: input.role,
        scopeUnitId: input.scopeUnitId ?? null,
        personId: input.personId ?? null,
        mustChangePassword: true,
      },
      select: auditedUserFields,
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'createUser',
      entity: 'User',
      entityId: user.id,
      after: user,
    });
    return tx.user.findUniqueOrThrow({ where: { id: user.id } });
  });
  try {
    return await created;
  } catch (error) {
    // another admin took the username or linked the person between the check and the insert
    if (!uniqueViolation(error)) throw error;
    if (await prisma.user.findUnique({ where: { username }, select: { id: true } }))
      throw usernameTaken(username);
    await assertLinkablePerson(prisma, viewer, input.personId, null);
    throw error;
  }
}
