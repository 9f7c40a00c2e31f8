import type { Cycle, Prisma, PrismaClient, Rating, Unit } from '@cadre/db';
import { type Calibration, type CalibrationPerson, calibrate } from '@cadre/rules';
import { descendantIds, type UnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { buildCyclesWhere } from '../../cycles/build-cycles-where.ts';
import { buildResultsWhere } from '../../evaluation/build-results-where.ts';
import { buildUnitsWhere } from '../../units/build-units-where.ts';

/** The audit action that records a calibration review (the hash-chained log is the record). */
export const calibrationReviewAction = 'reviewCalibration';

export type CalibrationResultRow = {
  id: string;
  cycleId: string;
  personId: string;
  unitId: string;
  personName: string;
};

export type CalibrationReviewRow = {
  at: Date;
  byName: string | null;
  role: string | null;
  note: string | null;
};

export type CalibrationView = {
  cycle: Cycle;
  calibration: Calibration;
  units: Map<string, Unit>;
  /** the engine's excellent quota per unit (UnitResult), for the quota-use chart */
  excellentAllowed: Map<string, number>;
  results: Map<string, CalibrationResultRow>;
  assessors: Map<string, { id: string; name: string }>;
  reviews: CalibrationReviewRow[];
};

function jsonComponents(value: Prisma.JsonValue | null): CalibrationPerson['components'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const number = (key: string) => (typeof record[key] === 'number' ? (record[key] as number) : null);
  return {
    tasks: number('tasks'),
    conduct: number('conduct'),
    reform: number('reform'),
    citizens: number('citizens'),
  };
}

/**
 * The calibration of a cycle over what the viewer may read: the results through the results
 * where-builder (optionally one unit's subtree), the heads' assessments of those same people.
 * Null when the cycle (or the unit) is not visible.
 */
export async function readCalibration(options: {
  prisma: PrismaClient | Prisma.TransactionClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
  unitId?: string | null;
}): Promise<CalibrationView | null> {
  const { prisma, viewer } = options;
  const cycle = await prisma.cycle.findFirst({
    where: { id: options.cycleId, AND: [buildCyclesWhere({ viewer })] },
  });
  if (!cycle) return null;
  const and: Prisma.EvaluationResultWhereInput[] = [{ cycleId: cycle.id }, buildResultsWhere({ viewer })];
  if (options.unitId) {
    const visible = await prisma.unit.count({
      where: { id: options.unitId, AND: [buildUnitsWhere({ viewer })] },
    });
    if (!visible) return null;
    const tree = await options.unitTrees.get();
    and.push({ unitId: { in: descendantIds(tree, options.unitId) } });
  }
  const resultsWhere: Prisma.EvaluationResultWhereInput = { AND: and };
  const [rows, assessments, reviews] = await Promise.all([
    prisma.evaluationResult.findMany({
      where: resultsWhere,
      select: {
        id: true,
        cycleId: true,
        personId: true,
        unitId: true,
        score: true,
        components: true,
        engineRating: true,
        finalRating: true,
        finalReason: true,
        decidedById: true,
        person: { select: { fullName: true, leadsUnitId: true } },
      },
    }),
    prisma.headAssessment.findMany({
      where: { cycleId: cycle.id, person: { results: { some: resultsWhere } } },
      select: { personId: true, assessedById: true, conductAssessment: true },
    }),
    prisma.auditLog.findMany({
      where: { entity: 'Cycle', entityId: cycle.id, action: calibrationReviewAction },
      orderBy: { id: 'asc' },
      select: { at: true, actorName: true, after: true },
    }),
  ]);
  const calibration = calibrate({
    people: rows.map((row) => ({
      id: row.personId,
      unitId: row.unitId,
      leadsUnitId: row.person.leadsUnitId,
      score: row.score,
      components: jsonComponents(row.components),
      proposed: row.engineRating as Rating,
      final: row.finalRating as Rating,
      finalReason: row.finalReason,
      decidedBy: row.decidedById,
    })),
    assessments: assessments.map((row) => ({
      personId: row.personId,
      assessorId: row.assessedById,
      value: row.conductAssessment,
    })),
  });
  const unitIds = new Set<string>(calibration.units.map((unit) => unit.unitId));
  for (const finding of calibration.findings) if (finding.unitId) unitIds.add(finding.unitId);
  for (const head of calibration.assessors) if (head.unitId) unitIds.add(head.unitId);
  const assessorIds = new Set<string>();
  for (const head of calibration.assessors) if (head.assessorId) assessorIds.add(head.assessorId);
  for (const finding of calibration.findings) if (finding.assessorId) assessorIds.add(finding.assessorId);
  const [units, quotas, users] = await Promise.all([
    prisma.unit.findMany({ where: { id: { in: [...unitIds] }, AND: [buildUnitsWhere({ viewer })] } }),
    prisma.unitResult.findMany({
      where: { cycleId: cycle.id, unitId: { in: [...unitIds] } },
      select: { unitId: true, excellentAllowed: true },
    }),
    prisma.user.findMany({
      where: { id: { in: [...assessorIds] } },
      select: { id: true, displayName: true },
    }),
  ]);
  return {
    cycle,
    calibration,
    units: new Map(units.map((unit) => [unit.id, unit])),
    excellentAllowed: new Map(quotas.map((row) => [row.unitId, row.excellentAllowed])),
    results: new Map(
      rows.map((row) => [
        row.personId,
        {
          id: row.id,
          cycleId: row.cycleId,
          personId: row.personId,
          unitId: row.unitId,
          personName: row.person.fullName,
        },
      ]),
    ),
    assessors: new Map(users.map((user) => [user.id, { id: user.id, name: user.displayName }])),
    reviews: reviews.map((row) => {
      const after =
        row.after && typeof row.after === 'object' && !Array.isArray(row.after)
          ? (row.after as Record<string, unknown>)
          : {};
      return {
        at: row.at,
        byName: typeof after.displayName === 'string' ? after.displayName : row.actorName,
        role: typeof after.role === 'string' ? after.role : null,
        note: typeof after.note === 'string' ? after.note : null,
      };
    }),
  };
}
