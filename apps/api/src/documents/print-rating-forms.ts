import type { Prisma, PrismaClient } from '@cadre/db';
import { findVisibleCycle } from '../domains/cycles/cycle-access.ts';
import { buildResultsWhere } from '../domains/evaluation/build-results-where.ts';
import { buildPeopleWhere } from '../domains/people/build-people-where.ts';
import { buildUnitsWhere } from '../domains/units/build-units-where.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { ancestorIds, descendantIds, type UnitTreeCache } from '../scope/unit-tree.ts';
import type { Viewer } from '../scope/viewer.ts';
import { agencyBlock, type UnitLine } from './agency.ts';
import { positionWord } from './issuance.ts';
import type { OfficialDocument } from './layout.ts';
import { buildRatingFormDocument, type Components, type PeriodPoints } from './rating-form.ts';

// Phiếu đánh giá, xếp loại chất lượng: one person's, or every form of a unit (and the units under
// it) in one PDF. People are read through buildPeopleWhere and results through buildResultsWhere:
// the person themself, their head and the personnel officer print it; nobody outside their scope.

type Options = {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
};

function readComponents(value: Prisma.JsonValue | null | undefined): Components {
  const object =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const number = (key: string) => (typeof object[key] === 'number' ? (object[key] as number) : null);
  return {
    tasks: number('tasks'),
    conduct: number('conduct'),
    reform: number('reform'),
    citizens: number('citizens'),
  };
}

function readPeriods(value: Prisma.JsonValue | null | undefined): PeriodPoints[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return [];
    const row = entry as Record<string, Prisma.JsonValue>;
    if (typeof row.period !== 'number') return [];
    return [
      {
        period: row.period,
        score: typeof row.score === 'number' ? row.score : null,
        components: readComponents(row.components),
      },
    ];
  });
}

/** The nearest unit that issues documents (a department, a commune, the province) at or above a unit. */
const issuingKinds = new Set(['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE']);

export async function printRatingForms(
  options: Options & { personId?: string | null; unitId?: string | null },
): Promise<{ fileName: string; documents: OfficialDocument[] }> {
  const { prisma, viewer } = options;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  const tree = await options.unitTrees.get();
  const where: Prisma.PersonWhereInput[] = [buildPeopleWhere({ viewer })];
  let unitName: string | null = null;
  if (options.personId) where.push({ id: options.personId });
  else {
    if (!options.unitId) throw new NotFoundError('đơn vị / unit');
    if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER' && viewer.role !== 'UNIT_HEAD') {
      throw new ForbiddenError();
    }
    const unit = await prisma.unit.findFirst({
      where: { id: options.unitId, AND: [buildUnitsWhere({ viewer })] },
      select: { id: true, code: true },
    });
    if (!unit) throw new NotFoundError('đơn vị / unit');
    unitName = unit.code;
    where.push({ unitId: { in: descendantIds(tree, unit.id) } });
  }
  const people = await prisma.person.findMany({
    where: { AND: where },
    select: {
      id: true,
      code: true,
      fullName: true,
      positionTitle: true,
      category: true,
      unitId: true,
      results: {
        where: { cycleId: cycle.id, AND: [buildResultsWhere({ viewer })] },
        select: {
          score: true,
          components: true,
          periods: true,
          finalRating: true,
          finalReason: true,
          decidedAt: true,
        },
      },
      selfAssessments: {
        where: { cycleId: cycle.id },
        select: { achievements: true, shortcomings: true, proposedRating: true, submittedAt: true },
      },
      headAssessments: {
        where: { cycleId: cycle.id },
        select: {
          conductAssessment: true,
          comment: true,
          updatedAt: true,
          assessedBy: {
            select: { displayName: true, person: { select: { fullName: true, positionTitle: true } } },
          },
        },
      },
    },
    orderBy: [{ unitId: 'asc' }, { fullName: 'asc' }, { id: 'asc' }],
  });
  if (options.personId && people.length === 0) throw new NotFoundError('cán bộ / person');

  // the units on the people's paths, once
  const unitIds = new Set<string>();
  for (const person of people) {
    unitIds.add(person.unitId);
    for (const id of ancestorIds(tree, person.unitId)) unitIds.add(id);
  }
  const units = await prisma.unit.findMany({
    where: { id: { in: [...unitIds] } },
    select: { id: true, name: true, kind: true },
  });
  const unitById = new Map<string, UnitLine>(units.map((unit) => [unit.id, unit]));
  const heads = await prisma.person.findMany({
    where: { leadsUnitId: { in: [...unitIds] }, active: true },
    select: { fullName: true, positionTitle: true, leadsUnitId: true },
    orderBy: { code: 'asc' },
  });
  const headOf = new Map<string, { fullName: string; positionTitle: string | null }>();
  for (const head of heads)
    if (head.leadsUnitId && !headOf.has(head.leadsUnitId)) headOf.set(head.leadsUnitId, head);

  const documents = people.map((person) => {
    const chain = [person.unitId, ...ancestorIds(tree, person.unitId)]
      .map((id) => unitById.get(id))
      .filter((unit): unit is UnitLine => unit !== undefined);
    const issuingIndex = Math.max(
      0,
      chain.findIndex((unit) => issuingKinds.has(unit.kind)),
    );
    const issuing = chain[issuingIndex] ?? chain[0];
    const agency = issuing
      ? agencyBlock(issuing, chain.slice(issuingIndex + 1))
      : { parent: null, issuer: [''], abbreviation: '', place: '', name: '' };
    const unitPath = chain
      .slice(0, issuingIndex + 1)
      .map((unit) => unit.name)
      .join(' – ');
    const result = person.results[0] ?? null;
    const self = person.selfAssessments[0] ?? null;
    const headAssessment = person.headAssessments[0] ?? null;
    // the head's opinion reaches the person with the published result, not before
    const showHead = headAssessment && (result !== null || viewer.personId !== person.id);
    const assessor = headAssessment?.assessedBy;
    const directHead = headOf.get(person.unitId) ?? null;
    const authority = (issuing && headOf.get(issuing.id)) ?? null;
    return buildRatingFormDocument({
      year: cycle.year,
      packId: cycle.packId,
      periodKind: cycle.periodKind,
      agency,
      person: {
        fullName: person.fullName,
        code: person.code,
        positionTitle: person.positionTitle,
        rank: null,
        category: person.category,
        unitPath,
      },
      selfAssessment: self,
      head: showHead
        ? {
            name: assessor?.person?.fullName ?? assessor?.displayName ?? directHead?.fullName ?? null,
            position:
              positionWord(assessor?.person?.positionTitle ?? directHead?.positionTitle) ??
              'Người quản lý trực tiếp',
            conductAssessment: headAssessment.conductAssessment,
            comment: headAssessment.comment,
            assessedAt: headAssessment.updatedAt,
          }
        : null,
      result: result
        ? {
            score: result.score,
            components: readComponents(result.components),
            periods: readPeriods(result.periods),
            finalRating: result.finalRating,
            finalReason: result.finalReason,
            decidedAt: result.decidedAt ?? cycle.publishedAt,
          }
        : null,
      authority: {
        position: positionWord(authority?.positionTitle) ?? 'Thủ trưởng cơ quan',
        name: authority?.fullName ?? null,
      },
    });
  });
  const first = people[0];
  const fileName =
    options.personId && first
      ? `phieu-danh-gia-${first.code}-${cycle.year}.pdf`
      : `phieu-danh-gia-${unitName ?? 'don-vi'}-${cycle.year}.pdf`;
  return { fileName, documents };
}
