// Discipline for about 2% of the province over four years, on the people most likely to earn it.
import { day } from '@cadre/fixtures';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { DisciplineForm } from '../../generated/prisma/enums.ts';
import type { PeoplePicker } from './pick-people.ts';
import { badLuck } from './pick-people.ts';
import type { Draw, PersonDraft } from './shared.ts';
import { dateInYear, year } from './shared.ts';

export type DemoDiscipline = {
  discipline: Prisma.DisciplineDecisionCreateManyInput[];
  /** years in which each person's rating was already pulled down by discipline */
  disciplinedYears: Map<PersonDraft, Set<number>>;
};

export function buildDiscipline({ random, newId }: Draw, { pickPeople }: PeoplePicker): DemoDiscipline {
  const disciplineReasons = [
    'Vi phạm quy định về thời hạn giải quyết hồ sơ thủ tục hành chính',
    'Vi phạm quy tắc ứng xử, văn hóa công sở',
    'Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao',
    'Vi phạm quy định về quản lý tài chính, tài sản công',
    'Gây phiền hà, sách nhiễu người dân khi giải quyết công việc',
  ];
  const disciplinePlan: { form: DisciplineForm; decidedYear: number; actYear: number; counted?: number }[] = [
    { form: 'KHIEN_TRACH', decidedYear: 2026, actYear: 2026 },
    { form: 'CANH_CAO', decidedYear: 2026, actYear: 2026 },
    { form: 'KHIEN_TRACH', decidedYear: 2026, actYear: 2025, counted: 2025 },
    { form: 'KHIEN_TRACH', decidedYear: 2025, actYear: 2025 },
    { form: 'KHIEN_TRACH', decidedYear: 2025, actYear: 2025 },
    { form: 'KHIEN_TRACH', decidedYear: 2025, actYear: 2024 },
    { form: 'CANH_CAO', decidedYear: 2025, actYear: 2025 },
    { form: 'KHIEN_TRACH', decidedYear: 2024, actYear: 2024 },
    { form: 'KHIEN_TRACH', decidedYear: 2024, actYear: 2024 },
    { form: 'HA_BAC_LUONG', decidedYear: 2024, actYear: 2023 },
    { form: 'GIANG_CHUC', decidedYear: 2023, actYear: 2023 },
    { form: 'KHIEN_TRACH', decidedYear: 2023, actYear: 2023 },
    { form: 'KHIEN_TRACH', decidedYear: 2023, actYear: 2023 },
  ];
  const disciplined = pickPeople(
    disciplinePlan.length,
    (d) => d.role === 'staff' && d.row.hiredOn < day(2022, 1, 1),
    badLuck,
  );
  // years in which each person's rating was already pulled down by discipline
  const disciplinedYears = new Map<PersonDraft, Set<number>>();
  const discipline = disciplinePlan.flatMap((plan, i) => {
    const person = disciplined[i];
    if (!person) return [];
    const ratedYear = plan.counted ?? plan.decidedYear;
    const years = disciplinedYears.get(person) ?? new Set<number>();
    years.add(ratedYear);
    disciplinedYears.set(person, years);
    const decidedOn = dateInYear(random, plan.decidedYear, 2, plan.decidedYear === year ? 10 : 11);
    return [
      {
        id: newId(),
        personId: person.row.id,
        form: plan.form,
        number: `${random.int(12, 480)}/QĐ-${person.unit.agencyCode}`,
        decidedOn,
        actYear: plan.actYear,
        concernsDuties: true,
        alreadyCountedInYear: plan.counted ?? null,
        reason: random.pick(disciplineReasons),
      },
    ];
  });
  return { discipline, disciplinedYears };
}
