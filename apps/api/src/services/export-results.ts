import type { Prisma, PrismaClient, Rating } from '@cadre/db';
import { NotFoundError } from '../errors.ts';
import { buildRatingFormPdf } from '../exports/rating-form-pdf.ts';
import { buildResultsWorkbook } from '../exports/results-workbook.ts';
import { buildTitleDecisionsPdf } from '../exports/title-decisions-pdf.ts';
import { buildUnitRatingsPdf } from '../exports/unit-ratings-pdf.ts';
import { buildFlagsWhere } from '../scope/build-flags-where.ts';
import { buildPeopleWhere } from '../scope/build-people-where.ts';
import { buildResultsWhere } from '../scope/build-results-where.ts';
import { buildUnitsWhere } from '../scope/build-units-where.ts';
import { descendantIds, type UnitTreeCache } from '../scope/unit-tree.ts';
import type { Viewer } from '../scope/viewer.ts';
import { findVisibleCycle } from './cycle-access.ts';

// Exports read through the same where-builders as GraphQL: a file never shows a row the caller
// could not see on screen.

type ExportOptions = {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
  unitId?: string | null;
};

type Components = {
  tasks: number | null;
  conduct: number | null;
  reform: number | null;
  citizens: number | null;
};

export function readComponents(value: Prisma.JsonValue | null): Components {
  const object = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const number = (key: string) => {
    const inner = (object as Record<string, unknown>)[key];
    return typeof inner === 'number' ? inner : null;
  };
  return {
    tasks: number('tasks'),
    conduct: number('conduct'),
    reform: number('reform'),
    citizens: number('citizens'),
  };
}

async function visibleUnit(options: ExportOptions): Promise<{ id: string; name: string } | null> {
  if (!options.unitId) return null;
  const unit = await options.prisma.unit.findFirst({
    where: { id: options.unitId, AND: [buildUnitsWhere({ viewer: options.viewer })] },
    select: { id: true, name: true },
  });
  if (!unit) throw new NotFoundError('đơn vị / unit');
  return unit;
}

async function resultsWhere(
  options: ExportOptions,
  unitId: string | null,
): Promise<Prisma.EvaluationResultWhereInput> {
  const and: Prisma.EvaluationResultWhereInput[] = [
    { cycleId: options.cycleId },
    buildResultsWhere({ viewer: options.viewer }),
  ];
  if (unitId) {
    const tree = await options.unitTrees.get();
    and.push({ unitId: { in: descendantIds(tree, unitId) } });
  }
  return { AND: and };
}

export async function exportResultsWorkbook(
  options: ExportOptions,
): Promise<{ fileName: string; content: Buffer }> {
  const { prisma, viewer } = options;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  const unit = await visibleUnit(options);
  const where = await resultsWhere(options, unit?.id ?? null);
  const results = await prisma.evaluationResult.findMany({
    where,
    orderBy: [{ unitId: 'asc' }, { score: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
    include: {
      person: { select: { code: true, fullName: true, positionTitle: true } },
    },
  });
  const unitIds = [...new Set(results.map((result) => result.unitId))];
  const [units, flags, unitResults] = await Promise.all([
    prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
    prisma.flag.findMany({
      // flags are for the personnel office (buildFlagsWhere): a council member's file has none
      where: {
        cycleId: cycle.id,
        personId: { in: results.map((result) => result.personId) },
        AND: [buildFlagsWhere({ viewer })],
      },
      select: { personId: true, kind: true },
    }),
    viewer.role === 'STAFF'
      ? Promise.resolve([])
      : prisma.unitResult.findMany({
          where: {
            cycleId: cycle.id,
            unit: buildUnitsWhere({ viewer }),
            ...(unit ? { unitId: { in: descendantIds(await options.unitTrees.get(), unit.id) } } : {}),
          },
          include: { unit: { select: { code: true, name: true, block: { select: { name: true } } } } },
          orderBy: [{ unit: { block: { name: 'asc' } } }, { blockRank: { sort: 'asc', nulls: 'last' } }],
        }),
  ]);
  const unitName = new Map(units.map((row) => [row.id, row.name]));
  const flagsOf = new Map<string, string[]>();
  for (const flag of flags) flagsOf.set(flag.personId, [...(flagsOf.get(flag.personId) ?? []), flag.kind]);
  const content = await buildResultsWorkbook({
    cycleName: cycle.name,
    scopeName: unit ? unit.name : 'Toàn bộ phạm vi được xem',
    results: results.map((result) => ({
      personCode: result.person.code,
      fullName: result.person.fullName,
      positionTitle: result.person.positionTitle,
      unitName: unitName.get(result.unitId) ?? '',
      score: result.score,
      components: readComponents(result.components),
      engineRating: result.engineRating,
      finalRating: result.finalRating,
      finalReason: result.finalReason,
      titles: result.titles,
      flags: flagsOf.get(result.personId) ?? [],
    })),
    units: unitResults.map((row) => ({
      unitCode: row.unit.code,
      unitName: row.unit.name,
      blockName: row.unit.block?.name ?? null,
      blockRank: row.blockRank,
      unitScore: row.unitScore,
      excellentAllowed: row.excellentAllowed,
      collectiveTitles: row.collectiveTitles,
    })),
  });
  return { fileName: `ket-qua-${cycle.year}.xlsx`, content };
}

async function agencyName(prisma: PrismaClient, unitId: string): Promise<string> {
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { name: true } });
  return unit?.name ?? '';
}

/** A person's rating form: the person must be visible; the result only where it is visible. */
export async function exportRatingForm(
  options: ExportOptions & { personId: string },
): Promise<{ fileName: string; content: Buffer }> {
  const { prisma, viewer } = options;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  const person = await prisma.person.findFirst({
    where: { id: options.personId, AND: [buildPeopleWhere({ viewer })] },
    include: { unit: { select: { name: true } } },
  });
  if (!person) throw new NotFoundError('cán bộ / person');
  const [selfAssessment, headAssessment, result, agency] = await Promise.all([
    prisma.selfAssessment.findUnique({
      where: { cycleId_personId: { cycleId: cycle.id, personId: person.id } },
    }),
    prisma.headAssessment.findUnique({
      where: { cycleId_personId: { cycleId: cycle.id, personId: person.id } },
    }),
    prisma.evaluationResult.findFirst({
      where: { cycleId: cycle.id, personId: person.id, AND: [buildResultsWhere({ viewer })] },
    }),
    agencyName(prisma, cycle.scopeUnitId),
  ]);
  const content = await buildRatingFormPdf({
    year: cycle.year,
    agency,
    unitName: person.unit.name,
    person: {
      fullName: person.fullName,
      code: person.code,
      positionTitle: person.positionTitle,
      category: person.category,
    },
    selfAssessment,
    // the head's opinion reaches the person with the published result, not before
    headAssessment: result || viewer.personId !== person.id ? headAssessment : null,
    result: result
      ? {
          score: result.score,
          components: readComponents(result.components),
          engineRating: result.engineRating,
          finalRating: result.finalRating,
          finalReason: result.finalReason,
        }
      : null,
    printedOn: new Date(),
  });
  return { fileName: `phieu-danh-gia-${person.code}-${cycle.year}.pdf`, content };
}

export async function exportUnitRatings(
  options: ExportOptions,
): Promise<{ fileName: string; content: Buffer }> {
  const { prisma, viewer } = options;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  const unit = (await visibleUnit(options)) ?? {
    id: cycle.scopeUnitId,
    name: await agencyName(prisma, cycle.scopeUnitId),
  };
  const results = await prisma.evaluationResult.findMany({
    where: await resultsWhere(options, unit.id),
    include: { person: { select: { fullName: true, positionTitle: true } } },
    orderBy: [{ unitId: 'asc' }, { score: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
  });
  const units = await prisma.unit.findMany({
    where: { id: { in: [...new Set(results.map((result) => result.unitId))] } },
    select: { id: true, name: true },
  });
  const unitName = new Map(units.map((row) => [row.id, row.name]));
  const content = await buildUnitRatingsPdf({
    year: cycle.year,
    agency: await agencyName(prisma, cycle.scopeUnitId),
    unitName: unit.name,
    rows: results.map((result) => ({
      fullName: result.person.fullName,
      positionTitle: result.person.positionTitle,
      unitName: unitName.get(result.unitId) ?? '',
      score: result.score,
      finalRating: result.finalRating as Rating,
    })),
    printedOn: new Date(),
  });
  return { fileName: `danh-sach-xep-loai-${cycle.year}.pdf`, content };
}

/** Title decisions are public documents inside the cycle: anyone who sees the cycle may print them. */
export async function exportTitleDecisions(
  options: ExportOptions & { decisionId?: string | null },
): Promise<{ fileName: string; content: Buffer }> {
  const { prisma, viewer } = options;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  const decisions = await prisma.titleDecision.findMany({
    where: { cycleId: cycle.id, ...(options.decisionId ? { id: options.decisionId } : {}) },
    orderBy: [{ decidedOn: 'asc' }, { number: 'asc' }],
    include: {
      awards: {
        include: {
          person: { select: { fullName: true, unit: { select: { name: true } } } },
          unit: { select: { name: true } },
        },
        orderBy: { title: 'asc' },
      },
      revocations: {
        include: {
          person: { select: { fullName: true, unit: { select: { name: true } } } },
          unit: { select: { name: true } },
        },
      },
    },
  });
  if (options.decisionId && decisions.length === 0) throw new NotFoundError('quyết định / decision');
  const content = await buildTitleDecisionsPdf({
    year: cycle.year,
    agency: await agencyName(prisma, cycle.scopeUnitId),
    printedOn: new Date(),
    decisions: decisions.map((decision) => ({
      number: decision.number,
      kind: decision.kind,
      decidedOn: decision.decidedOn,
      signedBy: decision.signedBy,
      reason: decision.reason,
      awards: (decision.kind === 'AWARD' ? decision.awards : decision.revocations).map((award) => ({
        title: award.title,
        name: award.person?.fullName ?? award.unit?.name ?? '',
        unitName: award.person?.unit.name ?? award.unit?.name ?? '',
        revoked: decision.kind === 'AWARD' && award.revokedByDecisionId !== null,
      })),
    })),
  });
  return { fileName: `quyet-dinh-thi-dua-${cycle.year}.pdf`, content };
}
