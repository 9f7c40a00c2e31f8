import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';

const nothing = { id: { in: [] } } satisfies Prisma.EvaluationResultWhereInput;

/**
 * Which evaluation results the viewer may read. Admin, officer, head: results of people whose
 * evaluated unit is in scope. Council member: the rankings of their councils' scope once the
 * cycle reaches REVIEW. Staff: their own result, only after publication.
 */
export function buildResultsWhere(options: { viewer: Viewer }): Prisma.EvaluationResultWhereInput {
  const { viewer } = options;
  switch (viewer.role) {
    case 'ADMIN':
    case 'OFFICER':
    case 'UNIT_HEAD':
      return viewer.unitIds === null ? {} : { unitId: { in: viewer.unitIds } };
    case 'COUNCIL_MEMBER': {
      const councils: Prisma.EvaluationResultWhereInput = {
        unitId: { in: viewer.councilUnitIds },
        cycle: { status: { in: ['REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED'] } },
      };
      // a member is also staff: their own result once published (myResult, their appeals)
      return viewer.personId ? { OR: [councils, ownPublished(viewer.personId)] } : councils;
    }
    default:
      return viewer.personId ? ownPublished(viewer.personId) : nothing;
  }
}

function ownPublished(personId: string): Prisma.EvaluationResultWhereInput {
  return { personId, cycle: { status: { in: ['PUBLISHED', 'ARCHIVED'] } } };
}
