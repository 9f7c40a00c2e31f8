// A competent body's conclusion of degeneration in 2026 for one civil servant (rule 3.3).
import { day } from '@cadre/fixtures';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { PeoplePicker } from './pick-people.ts';
import { badLuck } from './pick-people.ts';
import type { Draw } from './shared.ts';
import { year } from './shared.ts';

export function buildDegenerations(
  { newId }: Draw,
  { pickPeople }: PeoplePicker,
): Prisma.DegenerationConclusionCreateManyInput[] {
  const degenerate = pickPeople(1, (d) => d.role === 'staff' && d.row.category === 'CONG_CHUC', badLuck)[0];
  return degenerate
    ? [
        {
          id: newId(),
          personId: degenerate.row.id,
          decisionNumber: `45-KL/UBKT${degenerate.unit.agencyCode}`,
          decidedOn: day(year, 9, 18),
          body: 'Ủy ban Kiểm tra Đảng ủy',
          note: 'Kết luận suy thoái về đạo đức, lối sống',
        },
      ]
    : [];
}
