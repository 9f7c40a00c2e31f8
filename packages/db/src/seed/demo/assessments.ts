// The heads' assessments (conduct A of Nghị định 335/2025) for the year and per quarter, and the
// quarters' closures: Q1 and Q2 closed everywhere, Q3 by most units, Q4 still open. One head gave
// all twelve of their people the same 10 (a calibration finding).
import { day } from '@cadre/fixtures';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { DemoAccounts } from './accounts.ts';
import type { Draw, Staff, Tier, UnitNode, UnitTree } from './shared.ts';
import { quarterEnd, uniformAssessmentUnit, year } from './shared.ts';
import type { DemoTransfer } from './transfer.ts';

export type DemoAssessments = {
  headAssessments: Prisma.HeadAssessmentCreateManyInput[];
  periodAssessments: Prisma.PeriodAssessmentCreateManyInput[];
  periodClosures: Prisma.PeriodClosureCreateManyInput[];
};

export function buildAssessments(
  { random, newId }: Draw,
  { nodes, unitNamed }: UnitTree,
  { drafts, headOf }: Staff,
  { userId, headDepartment, headPerson }: Pick<DemoAccounts, 'userId' | 'headDepartment' | 'headPerson'>,
  { transferred, transferredFrom }: DemoTransfer,
  cycleId: string,
): DemoAssessments {
  const headUserId = userId('head');
  const inHeadDepartment = (unit: UnitNode | null): boolean =>
    unit !== null && (unit === headDepartment || inHeadDepartment(unit.parent));
  const comments = [
    'Chấp hành tốt kỷ luật, kỷ cương hành chính',
    'Tinh thần trách nhiệm cao, phối hợp tốt với đồng nghiệp',
    'Cần chủ động hơn trong tham mưu',
    'Thái độ phục vụ nhân dân tận tình, chu đáo',
    'Hoàn thành tốt nhiệm vụ được giao',
    null,
  ];
  const conductWeights: Record<Tier, readonly (readonly [number, number])[]> = {
    strong: [
      [10, 50],
      [9.5, 30],
      [9, 20],
    ],
    normal: [
      [10, 20],
      [9.5, 20],
      [9, 25],
      [8.5, 15],
      [8, 15],
      [7.5, 5],
    ],
    weak: [
      [9, 15],
      [8.5, 20],
      [8, 35],
      [7.5, 20],
      [7, 10],
    ],
    poor: [
      [8, 30],
      [7.5, 35],
      [7, 35],
    ],
  };
  const headAssessments = drafts
    .filter((d) => d.row.hiredOn < day(year, 10, 1))
    .map((person) => ({
      id: newId(),
      cycleId,
      personId: person.row.id,
      conductAssessment: random.weighted(conductWeights[person.tier]),
      comment: random.pick(comments),
      assessedById: person !== headPerson && inHeadDepartment(person.unit) ? headUserId : null,
    }));
  // the head of one unit gave all twelve of their people the same A = 10, every quarter
  const uniformUnit = unitNamed(uniformAssessmentUnit);
  const uniformHead = headOf(uniformAssessmentUnit);
  for (const row of headAssessments) {
    const person = drafts.find((d) => d.row.id === row.personId);
    if (person && person.unit === uniformUnit && person !== uniformHead) {
      row.conductAssessment = 10;
      row.assessedById = userId('truongphong.hctp');
    }
  }
  // quarters: Q1 and Q2 closed everywhere, Q3 closed by most units, Q4 still open
  const officeUnits = nodes.filter((node) => node.spec.validTo === undefined);
  const closesQ3 = new Set(
    officeUnits.filter(
      (node) => node !== headDepartment && node.parent !== headDepartment && random.chance(0.7),
    ),
  );
  const periodClosures: Prisma.PeriodClosureCreateManyInput[] = [];
  for (const node of officeUnits) {
    const head = headOf(node.spec.code);
    for (const q of [1, 2, 3]) {
      if (q === 3 && !closesQ3.has(node)) continue;
      periodClosures.push({
        id: newId(),
        cycleId,
        unitId: node.id,
        period: q,
        state: 'CLOSED',
        closedByName: head.row.fullName,
        closedAt: new Date(Date.UTC(year, q * 3, random.int(3, 12), random.int(1, 9))),
      });
    }
  }
  // the old agency closed the transferred person's first two quarters before they left
  const periodAssessments: Prisma.PeriodAssessmentCreateManyInput[] = [];
  const closedUnitsByPeriod = new Map<number, Set<string>>();
  for (const row of periodClosures) {
    const set = closedUnitsByPeriod.get(row.period) ?? new Set<string>();
    set.add(row.unitId);
    closedUnitsByPeriod.set(row.period, set);
  }
  for (const row of headAssessments) {
    const person = drafts.find((d) => d.row.id === row.personId);
    if (!person) continue;
    for (const q of [1, 2, 3, 4]) {
      const unitId = person === transferred && q <= 2 ? transferredFrom.id : person.unit.id;
      // assessed in a closed period, and in most open ones as the quarter goes
      if (!closedUnitsByPeriod.get(q)?.has(unitId) && !(q === 3 && random.chance(0.8))) continue;
      if (person.row.hiredOn > quarterEnd(q)) continue;
      const uniform = person.unit === uniformUnit && person !== uniformHead;
      periodAssessments.push({
        id: newId(),
        cycleId,
        personId: person.row.id,
        period: q,
        conductAssessment: uniform ? 10 : random.weighted(conductWeights[person.tier]),
        assessedById: uniform ? userId('truongphong.hctp') : (row.assessedById ?? null),
      });
    }
  }
  return { headAssessments, periodAssessments, periodClosures };
}
