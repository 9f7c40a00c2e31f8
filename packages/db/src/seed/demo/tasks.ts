// The year's assignments, quarter by quarter: the products of each person's job position and some
// free tasks, late, open or with errors as often as the person's tier says; some lateness excused.
import { addDays, day } from '@cadre/fixtures';
import type { Prisma } from '../../generated/prisma/client.ts';
import { commonTaskTitles, taskTitles } from '../demo-province.ts';
import type { DemoCatalogue } from './catalogue.ts';
import { leaderTitles } from './leaders.ts';
import type { Draw, Staff, Tier, UnitNode, UnitTree } from './shared.ts';
import { leafKinds, maxDate, minDate, quarterEnd, quarterStart, year, yearEnd, yearStart } from './shared.ts';
import type { DemoTransfer } from './transfer.ts';

const roman = ['I', 'II', 'III', 'IV'];

export function buildTasks(
  { random, newId }: Draw,
  { nodes }: UnitTree,
  { drafts, headOf }: Staff,
  { itemsOf }: Pick<DemoCatalogue, 'itemsOf'>,
  { transferred, transferredFrom }: DemoTransfer,
  cycleId: string,
): Prisma.TaskCreateManyInput[] {
  const tasks: Prisma.TaskCreateManyInput[] = [];
  const lateness: Record<Tier, { late: number; open: number; error: number }> = {
    strong: { late: 0.02, open: 0, error: 0.01 },
    normal: { late: 0.08, open: 0.01, error: 0.04 },
    weak: { late: 0.3, open: 0.05, error: 0.12 },
    poor: { late: 0.5, open: 0.12, error: 0.25 },
  };
  const quantityRatio: Record<Tier, [number, number]> = {
    strong: [1, 1.3],
    normal: [0.95, 1.15],
    weak: [0.75, 1.02],
    poor: [0.5, 0.95],
  };
  const excuses = [
    'Chờ ý kiến của cơ quan cấp trên',
    'Hồ sơ phải bổ sung theo yêu cầu của cơ quan phối hợp',
    'Ảnh hưởng của bão, lũ tháng 10',
    'Hệ thống phần mềm dùng chung gặp sự cố',
  ];
  const otherUnitName = (self: UnitNode) => {
    let other = random.pick(nodes);
    if (other === self) other = random.pick(nodes);
    return other.spec.name;
  };
  const niceQuantity = (target: number) => {
    if (target <= 5) return Math.max(1, Math.round(target));
    if (target <= 30) return Math.round(target / 2) * 2;
    if (target <= 200) return Math.round(target / 10) * 10;
    return Math.round(target / 50) * 50;
  };
  let excusedShown = false;
  for (const person of drafts) {
    const hiredThisYear = person.row.hiredOn >= yearStart;
    if (hiredThisYear && person.row.hiredOn > day(year, 8, 1)) continue; // too new: no tasks recorded
    const profileTitles =
      taskTitles[
        person.role === 'staff'
          ? person.unit.spec.profile
          : leafKinds.includes(person.unit.spec.kind)
            ? person.unit.spec.profile
            : 'leadership'
      ];
    const odds = lateness[person.tier];
    const items = person.row.jobPositionId ? itemsOf(person.row.jobPositionId) : [];
    let n = 0;
    for (let q = 1; q <= 4; q++) {
      const start = maxDate(
        quarterStart(q),
        hiredThisYear ? addDays(person.row.hiredOn, 14) : quarterStart(q),
      );
      const end = quarterEnd(q);
      if (start > end) continue; // not yet hired in this quarter: the period is left out
      // the products of the quarter: the position's main product and one or two others
      const chosen =
        items.length > 0 ? [items[0], ...random.shuffle(items.slice(1)).slice(0, random.int(1, 2))] : [];
      const work: {
        title: string;
        productId: string | null;
        planned: number;
        weight: number;
        dueOn: Date;
      }[] = [];
      for (const item of chosen) {
        if (!item) continue;
        const planned = niceQuantity((random.int(3, 9) * (item.main ? 2 : 1)) / item.coefficient);
        work.push({
          title: item.name,
          productId: item.id,
          planned,
          weight: Math.round(planned * item.coefficient * 1000) / 1000,
          dueOn: item.main ? end : random.dateBetween(addDays(start, 20), end),
        });
      }
      if (items.length === 0 || random.chance(0.35)) {
        const quarter = `quý ${roman[q - 1]}/${year}`;
        work.push({
          title: random
            .pick(random.chance(0.72) ? profileTitles : commonTaskTitles)
            .replace('{q}', quarter)
            .replace('{unit}', otherUnitName(person.unit)),
          productId: null,
          planned: 1,
          weight: random.weighted([
            [1, 75],
            [2, 15],
            [0.5, 10],
          ] as const),
          dueOn: random.dateBetween(addDays(start, 10), end),
        });
      }
      for (const item of work) {
        n++;
        const quantitative = item.planned > 1;
        const [low, high] = quantityRatio[person.tier];
        let actual = quantitative
          ? Math.round(item.planned * Math.min(1.2, low + random.next() * (high - low)))
          : person.tier === 'poor' && random.chance(0.2)
            ? 0.5
            : 1;
        let completedOn: Date | null;
        let delays = 0;
        let excused = false;
        let excuseNote: string | null = null;
        let excusedBy: string | null = null;
        if (q === 4 && random.chance(odds.open)) {
          completedOn = null;
          actual = Math.floor(item.planned * random.next() * 0.6);
        } else if (random.chance(odds.late)) {
          completedOn = minDate(addDays(item.dueOn, random.int(1, 25)), yearEnd);
          if (completedOn.getTime() === item.dueOn.getTime()) completedOn = addDays(item.dueOn, 1);
          delays = random.weighted([
            [1, 75],
            [2, 15],
            [0, 10],
          ] as const); // 0: lateness not recorded as a delay
          if (random.chance(0.2) || (!excusedShown && person === transferred)) {
            excused = true;
            excusedShown = true;
            excuseNote = random.pick(excuses);
            excusedBy = `${leaderTitles(person.unit.spec)[0]} ${headOf(person.unit.spec.code).row.fullName}`;
          }
        } else {
          completedOn = maxDate(addDays(item.dueOn, -random.int(0, 12)), start);
        }
        const majorErrors = random.chance(odds.error)
          ? random.weighted([
              [1, 85],
              [2, 15],
            ] as const)
          : 0;
        tasks.push({
          id: newId(),
          cycleId,
          personId: person.row.id,
          code: `${person.row.code}-Q${q}-${String(n).padStart(2, '0')}`,
          title: item.title,
          weight: item.weight,
          dueOn: item.dueOn,
          completedOn,
          planned: item.planned,
          actual,
          majorErrors,
          delays,
          excused,
          excuseNote,
          excusedBy,
          period: q,
          productId: item.productId,
          // the agency that assigned the work: the old one before the transfer
          assignedUnitId: person === transferred && q <= 2 ? transferredFrom.id : null,
        });
      }
    }
  }
  return tasks;
}
