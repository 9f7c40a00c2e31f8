// Infractions of 2026 (late, absent, conduct, complaints upheld) for 48 people, mostly the weak.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { InfractionKind } from '../../generated/prisma/enums.ts';
import type { PeoplePicker } from './pick-people.ts';
import { badLuck } from './pick-people.ts';
import type { Draw } from './shared.ts';
import { dateInYear, year } from './shared.ts';

export function buildInfractions(
  { random, newId }: Draw,
  { pickPeople }: PeoplePicker,
  cycleId: string,
): Prisma.InfractionCreateManyInput[] {
  const infractionNotes: Record<InfractionKind, readonly string[]> = {
    LATE: ['Đi làm muộn không có lý do', 'Đến muộn cuộc họp giao ban'],
    ABSENT: ['Nghỉ làm không xin phép', 'Vắng mặt tại vị trí làm việc trong giờ hành chính'],
    CONDUCT: [
      'Vi phạm quy tắc ứng xử nơi công sở',
      'Không đeo thẻ công chức khi làm việc',
      'Sử dụng điện thoại việc riêng khi tiếp dân',
    ],
    COMPLAINT_UPHELD: [
      'Phản ánh của người dân về thái độ tiếp nhận hồ sơ được xác minh đúng',
      'Khiếu nại về việc hướng dẫn hồ sơ nhiều lần được xác minh đúng',
    ],
  };
  const infractions: Prisma.InfractionCreateManyInput[] = [];
  for (const person of pickPeople(48, (d) => d.role !== 'head', badLuck)) {
    for (
      let i = random.weighted([
        [1, 60],
        [2, 28],
        [3, 12],
      ] as const);
      i > 0;
      i--
    ) {
      const kind: InfractionKind = random.weighted(
        (
          [
            ['LATE', 45],
            ['ABSENT', 15],
            ['CONDUCT', 25],
            ['COMPLAINT_UPHELD', person.row.citizenFacing ? 20 : 0],
          ] as const
        ).filter(([, w]) => w > 0),
      );
      infractions.push({
        id: newId(),
        cycleId,
        personId: person.row.id,
        kind,
        occurredOn: dateInYear(random, year, 1, 11),
        note: random.pick(infractionNotes[kind]),
      });
    }
  }
  return infractions;
}
