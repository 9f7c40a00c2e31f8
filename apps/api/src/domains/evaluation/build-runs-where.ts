import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../scope/viewer.ts';
import { buildCyclesWhere } from '../cycles/build-cycles-where.ts';

/** Evaluation runs are visible to those who run and review evaluations of a visible cycle. */
export function buildRunsWhere(options: { viewer: Viewer }): Prisma.EvaluationRunWhereInput {
  const { viewer } = options;
  if (viewer.role === 'STAFF' || viewer.role === 'COUNCIL_MEMBER') return { id: { in: [] } };
  return { cycle: buildCyclesWhere({ viewer }) };
}
