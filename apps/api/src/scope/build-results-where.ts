import type { Prisma } from '@cadre/db';
import type { Viewer } from './viewer.ts';

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
    case 'COUNCIL_MEMBER':
      return {
        unitId: { in: viewer.councilUnitIds },
        cycle: { status: { in: ['REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED'] } },
      };
    default:
      return viewer.personId
        ? { personId: viewer.personId, cycle: { status: { in: ['PUBLISHED', 'ARCHIVED'] } } }
        : nothing;
  }
}
