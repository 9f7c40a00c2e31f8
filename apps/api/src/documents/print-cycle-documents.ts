import type { FlagKind, FlagStatus, PrismaClient, Rating, TitleKind } from '@cadre/db';
import { assertManages, findVisibleCycle } from '../domains/cycles/cycle-access.ts';
import { buildFlagsWhere } from '../domains/evaluation/build-flags-where.ts';
import { buildResultsWhere } from '../domains/evaluation/build-results-where.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { UnitTreeCache } from '../scope/unit-tree.ts';
import type { Viewer } from '../scope/viewer.ts';
import { buildCycleReportDocument, buildCycleReportWorkbook, type CycleReportData } from './cycle-report.ts';
import { defaultExecutors, issuanceOf, loadIssuer, splitDocumentNumber } from './issuer.ts';
import type { OfficialDocument } from './layout.ts';
import { buildRatingDecisionDocument } from './rating-decision.ts';
import { baseSalaryOf, rewardAmount, rewardMultiple } from './reward-money.ts';
import { buildTitleDecisionDocument } from './title-decision.ts';

// The documents of a cycle as a whole: the decision recognising the ratings, the title decisions
// (issued ones, or the draft of the approved proposals), and the summary report. Managers of the
// cycle print the rating decision and the report; an issued title decision is public inside the
// cycle, as it was before.

export type PrintOptions = {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
};

export type PrintedDocument = { fileName: string; document: OfficialDocument };

async function resultsOfCycle(options: PrintOptions, cycleId: string) {
  return options.prisma.evaluationResult.findMany({
    where: { cycleId, AND: [buildResultsWhere({ viewer: options.viewer })] },
    select: {
      score: true,
      finalRating: true,
      person: {
        select: { fullName: true, positionTitle: true, category: true, unit: { select: { name: true } } },
      },
    },
    orderBy: [{ unitId: 'asc' }, { id: 'asc' }],
  });
}

export async function printRatingDecision(
  options: PrintOptions & { number?: string | null; date?: Date | null },
): Promise<PrintedDocument> {
  const cycle = await findVisibleCycle(options.prisma, options.viewer, options.cycleId);
  assertManages(options.viewer, cycle);
  const [issuer, results] = await Promise.all([
    loadIssuer(options.prisma, cycle.scopeUnitId),
    resultsOfCycle(options, cycle.id),
  ]);
  const document = buildRatingDecisionDocument({
    issuance: issuanceOf(issuer, {
      number: options.number ?? null,
      date: options.date ?? null,
      year: options.date?.getUTCFullYear() ?? cycle.year,
    }),
    year: cycle.year,
    packId: cycle.packId,
    decider: issuer.decider,
    proposer: null,
    people: results.map((result) => ({
      fullName: result.person.fullName,
      positionTitle: result.person.positionTitle,
      unitName: result.person.unit.name,
      category: result.person.category,
      score: result.score,
      rating: result.finalRating as Rating,
    })),
    executors: defaultExecutors,
  });
  return { fileName: `quyet-dinh-xep-loai-${cycle.year}.pdf`, document };
}

/** An issued title decision (decisionId), or without one the draft of the approved proposals. */
export async function printTitleDecision(
  options: PrintOptions & { decisionId?: string | null },
): Promise<PrintedDocument> {
  const { prisma, viewer } = options;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  const issuer = await loadIssuer(prisma, cycle.scopeUnitId);
  const baseSalary = baseSalaryOf(cycle.packId, cycle.overrides);
  const council = await prisma.councilSession.findFirst({
    where: { cycleId: cycle.id, status: 'CLOSED' },
    orderBy: { heldOn: 'desc' },
    select: { heldOn: true, council: { select: { name: true } } },
  });
  type Row = {
    title: TitleKind;
    person: { fullName: string; positionTitle: string | null; unit: { name: string } } | null;
    unit: { name: string; parent: { name: string } | null } | null;
  };
  const award = (row: Row) => ({
    title: row.title,
    name: row.person?.fullName ?? row.unit?.name ?? '',
    positionTitle: row.person?.positionTitle ?? null,
    unitName: row.person?.unit.name ?? row.unit?.parent?.name ?? row.unit?.name ?? '',
    collective: row.person === null,
    multiple: rewardMultiple(cycle.packId, row.title),
    amount: rewardAmount(cycle.packId, row.title, baseSalary),
  });
  const people = {
    select: { fullName: true, positionTitle: true, unit: { select: { name: true } } },
  } as const;
  const units = { select: { name: true, parent: { select: { name: true } } } } as const;
  if (!options.decisionId) {
    assertManages(viewer, cycle);
    const proposals = await prisma.titleProposal.findMany({
      where: { cycleId: cycle.id, status: 'APPROVED' },
      select: { title: true, person: people, unit: units },
      orderBy: [{ title: 'asc' }, { id: 'asc' }],
    });
    const document = buildTitleDecisionDocument({
      issuance: issuanceOf(issuer, { number: null, date: null, year: cycle.year }),
      year: cycle.year,
      kind: 'AWARD',
      decider: issuer.decider,
      council: council ? { name: council.council.name, heldOn: council.heldOn } : null,
      baseSalary,
      reason: null,
      awards: proposals.map(award),
      executors: defaultExecutors,
    });
    return { fileName: `du-thao-quyet-dinh-thi-dua-${cycle.year}.pdf`, document };
  }
  const decision = await prisma.titleDecision.findFirst({
    where: { id: options.decisionId, cycleId: cycle.id },
    include: {
      awards: { select: { title: true, person: people, unit: units } },
      revocations: { select: { title: true, person: people, unit: units } },
    },
  });
  if (!decision) throw new NotFoundError('quyết định / decision');
  const { number, symbolText } = splitDocumentNumber(decision.number);
  const document = buildTitleDecisionDocument({
    issuance: issuanceOf(issuer, {
      number,
      date: decision.decidedOn,
      year: decision.decidedOn.getUTCFullYear(),
      signerName: decision.signedBy,
    }),
    year: cycle.year,
    kind: decision.kind,
    decider: issuer.decider,
    council: council ? { name: council.council.name, heldOn: council.heldOn } : null,
    baseSalary,
    reason: decision.reason,
    awards: (decision.kind === 'AWARD' ? decision.awards : decision.revocations).map(award),
    executors: defaultExecutors,
  });
  return {
    fileName: `quyet-dinh-thi-dua-${number}-${cycle.year}.pdf`,
    document: { ...document, symbolText },
  };
}

async function reportData(
  options: PrintOptions & { number?: string | null; date?: Date | null },
): Promise<{ data: CycleReportData; year: number }> {
  const { prisma, viewer } = options;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER' && viewer.role !== 'UNIT_HEAD') {
    throw new ForbiddenError();
  }
  const [issuer, results, awards, flags, scope] = await Promise.all([
    loadIssuer(prisma, cycle.scopeUnitId),
    resultsOfCycle(options, cycle.id),
    prisma.titleAward.findMany({
      where: { decision: { cycleId: cycle.id }, revokedByDecisionId: null },
      select: { title: true },
    }),
    prisma.flag.groupBy({
      by: ['kind', 'status'],
      where: { cycleId: cycle.id, AND: [buildFlagsWhere({ viewer })] },
      _count: { _all: true },
      orderBy: [{ kind: 'asc' }, { status: 'asc' }],
    }),
    prisma.unit.findUnique({ where: { id: cycle.scopeUnitId }, select: { name: true } }),
  ]);
  const baseSalary = baseSalaryOf(cycle.packId, cycle.overrides);
  const titleCounts = new Map<TitleKind, number>();
  for (const row of awards) titleCounts.set(row.title, (titleCounts.get(row.title) ?? 0) + 1);
  return {
    year: cycle.year,
    data: {
      issuance: issuanceOf(issuer, {
        number: options.number ?? null,
        date: options.date ?? null,
        year: options.date?.getUTCFullYear() ?? cycle.year,
      }),
      year: cycle.year,
      cycleName: cycle.name,
      scopeName: scope?.name ?? '',
      people: results.map((result) => ({
        unitName: result.person.unit.name,
        category: result.person.category,
        rating: result.finalRating as Rating,
      })),
      titles: [...titleCounts.entries()].map(([title, count]) => ({
        title,
        count,
        amount: count * (rewardAmount(cycle.packId, title, baseSalary) ?? 0),
      })),
      flags: flags.map((row) => ({
        kind: row.kind as FlagKind,
        status: row.status as FlagStatus,
        count: (row._count as { _all: number })._all,
      })),
    },
  };
}

export async function printCycleReport(
  options: PrintOptions & { number?: string | null; date?: Date | null },
): Promise<PrintedDocument> {
  const { data, year } = await reportData(options);
  return { fileName: `bao-cao-ket-qua-${year}.pdf`, document: buildCycleReportDocument(data) };
}

export async function exportCycleReportWorkbook(
  options: PrintOptions,
): Promise<{ fileName: string; content: Buffer }> {
  const { data, year } = await reportData(options);
  return { fileName: `bao-cao-ket-qua-${year}.xlsx`, content: await buildCycleReportWorkbook(data) };
}
