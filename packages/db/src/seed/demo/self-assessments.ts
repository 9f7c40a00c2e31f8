// Self-assessments submitted in November by about a third of the people (not the staff account's).
import { day } from '@cadre/fixtures';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Rating } from '../../generated/prisma/enums.ts';
import type { Draw, PersonDraft, Staff } from './shared.ts';
import { year } from './shared.ts';

export function buildSelfAssessments(
  { random, newId }: Draw,
  { drafts }: Staff,
  staffPerson: PersonDraft,
  cycleId: string,
): Prisma.SelfAssessmentCreateManyInput[] {
  const achievements = [
    'Hoàn thành 100% nhiệm vụ được giao đúng tiến độ, bảo đảm chất lượng; tích cực tham gia cải cách hành chính.',
    'Hoàn thành các nhiệm vụ trọng tâm của năm; chủ động tham mưu nhiều văn bản có chất lượng.',
    'Giải quyết hồ sơ đúng hạn, không để tồn đọng; được người dân đánh giá hài lòng.',
    'Hoàn thành nhiệm vụ; tham gia đầy đủ các phong trào thi đua của cơ quan.',
  ];
  return drafts
    .filter((d) => d !== staffPerson && d.row.hiredOn < day(year, 6, 1) && random.chance(0.35))
    .map((person) => ({
      id: newId(),
      cycleId,
      personId: person.row.id,
      achievements: random.pick(achievements),
      shortcomings: random.chance(0.5) ? 'Có lúc chưa chủ động trong phối hợp công việc.' : null,
      proposedRating: (person.tier === 'strong' ? 'EXCELLENT' : 'GOOD') as Rating,
      submittedAt: new Date(Date.UTC(year, 10, random.int(1, 20), random.int(1, 9), random.int(0, 59))),
    }));
}
