import type { PrismaClient } from '@cadre/db';
import type { UnitTreeCache } from './unit-tree.ts';
import { buildViewer, type Viewer } from './viewer.ts';

/**
 * An account as a job sees it now, without a session (the upload's or the export's owner): null
 * when it is gone or deactivated, so a job carried out later never acts with rights since taken.
 */
export async function readAccountViewer(
  prisma: PrismaClient,
  unitTrees: UnitTreeCache,
  userId: string | null,
): Promise<Viewer | null> {
  if (!userId) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      active: true,
      personId: true,
      scopeUnitId: true,
      person: { select: { unitId: true } },
      councilSeats: {
        where: { active: true },
        select: { council: { select: { id: true, scopeUnitId: true } } },
      },
    },
  });
  if (!user?.active) return null;
  return buildViewer(
    {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      personId: user.personId,
      personUnitId: user.person?.unitId ?? null,
      scopeUnitId: user.scopeUnitId,
      sessionId: '',
      csrfToken: '',
      councils: user.councilSeats.map((seat) => seat.council),
    },
    await unitTrees.get(),
  );
}
