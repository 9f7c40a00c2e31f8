import type { PrismaClient } from '@cadre/db';
import { forgetCachedSessions } from '../../../auth/authenticate-request.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';

/** Revokes the viewer's current session (or every session of the account with `everywhere`). */
export async function logOut(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  everywhere: boolean;
}): Promise<number> {
  const { viewer } = options;
  const result = await options.prisma.$transaction(async (tx) => {
    const revoked = await tx.session.updateMany({
      where: options.everywhere
        ? { userId: viewer.userId, revokedAt: null }
        : { id: viewer.sessionId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: options.everywhere ? 'logoutEverywhere' : 'logout',
      entity: 'Session',
      entityId: viewer.sessionId,
      after: { revoked: revoked.count },
    });
    return revoked.count;
  });
  forgetCachedSessions();
  return result;
}
