import type { Prisma, PrismaClient, Rating } from '@cadre/db';
import { issuanceOf, loadIssuer } from '../../../documents/issuer.ts';
import { renderDocument, renderDocuments } from '../../../documents/layout.ts';
import { printTitleDecision } from '../../../documents/print-cycle-documents.ts';
import { printRatingForms } from '../../../documents/print-rating-forms.ts';
import { buildUnitRatingsDocument } from '../../../documents/unit-ratings.ts';
import { NotFoundError } from '../../../errors.ts';
import { buildResultsWorkbook } from '../../../exports/results-workbook.ts';
import { descendantIds, type UnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { findVisibleCycle } from '../../cycles/cycle-access.ts';
import { buildFlagsWhere } from '../../evaluation/build-flags-where.ts';
import { buildResultsWhere } from '../../evaluation/build-results-where.ts';
import { buildUnitsWhere } from '../../units/build-units-where.ts';

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

/** A person's rating form, laid out as the decree's form (documents/print-rating-forms.ts). */
export async function exportRatingForm(
  options: ExportOptions & { personId: string },
): Promise<{ fileName: string; content: Buffer }> {
  const forms = await printRatingForms({ ...options, personId: options.personId });
  return { fileName: forms.fileName, content: await renderDocuments(forms.documents) };
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
  // the list is made by the unit it covers (or the cycle's agency), signed by its head
  const issuer = await loadIssuer(prisma, unit.id);
  const document = buildUnitRatingsDocument({
    issuance: issuanceOf(issuer, { number: null, date: new Date(), year: cycle.year }),
    year: cycle.year,
    unitName: unit.name,
    preparedBy: null,
    rows: results.map((result) => ({
      fullName: result.person.fullName,
      positionTitle: result.person.positionTitle,
      unitName: unitName.get(result.unitId) ?? '',
      score: result.score,
      finalRating: result.finalRating as Rating,
    })),
  });
  return { fileName: `danh-sach-xep-loai-${cycle.year}.pdf`, content: await renderDocument(document) };
}

/**
 * A title decision as issued (decisionId: public inside the cycle), or without one the draft
 * decision over the approved proposals (the cycle's managers).
 */
export async function exportTitleDecisions(
  options: ExportOptions & { decisionId?: string | null },
): Promise<{ fileName: string; content: Buffer }> {
  const printed = await printTitleDecision({ ...options, decisionId: options.decisionId ?? null });
  return { fileName: printed.fileName, content: await renderDocument(printed.document) };
}
