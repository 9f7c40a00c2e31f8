import type { Rating, StaffCategory } from '@cadre/db';
import { categoryLabels, ratingLabels } from '../exports/labels.ts';
import { formatPercent, formatPoints, type Issuance } from './issuance.ts';
import type { Block, OfficialDocument } from './layout.ts';
import { basis, ratingBasis } from './legal-basis.ts';

// Quyết định công nhận kết quả đánh giá, xếp loại chất lượng: the year's final ratings of the
// agency's staff, counted by rating in Điều 1, the list as an annex.

export type RatedPerson = {
  fullName: string;
  positionTitle: string | null;
  unitName: string;
  category: StaffCategory;
  score: number | null;
  rating: Rating;
};

export type RatingDecisionData = {
  issuance: Issuance;
  year: number;
  packId: string;
  decider: string;
  /** who proposed: e.g. "Giám đốc Sở Nội vụ" */
  proposer: string | null;
  people: RatedPerson[];
  executors: string[];
};

export const ratingOrder: Rating[] = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'NOT_RATED'];

export function buildRatingDecisionDocument(data: RatingDecisionData): OfficialDocument {
  const people = [...data.people].sort(
    (a, b) =>
      a.unitName.localeCompare(b.unitName, 'vi') ||
      ratingOrder.indexOf(a.rating) - ratingOrder.indexOf(b.rating) ||
      a.fullName.localeCompare(b.fullName, 'vi'),
  );
  const total = people.length;
  const counts = ratingOrder
    .map((rating) => ({ rating, count: people.filter((person) => person.rating === rating).length }))
    .filter((entry) => entry.count > 0 || entry.rating !== 'NOT_RATED');
  const categories = [...new Set(people.map((person) => person.category))];
  const whom = categories.map((category) => categoryLabels[category].toLocaleLowerCase('vi')).join(', ');
  const body: Block[] = [
    { kind: 'heading', text: data.decider.toLocaleUpperCase('vi') },
    { kind: 'space', lines: 0.5 },
    { kind: 'paragraph', style: 'basis', text: basis.localGovernment },
    { kind: 'paragraph', style: 'basis', text: basis.civilServants },
    { kind: 'paragraph', style: 'basis', text: ratingBasis(data.packId) },
    {
      kind: 'paragraph',
      style: 'basis',
      text: data.proposer
        ? `Xét đề nghị của ${data.proposer}.`
        : 'Xét đề nghị của Thủ trưởng các cơ quan, đơn vị.',
    },
    { kind: 'space', lines: 0.5 },
    { kind: 'heading', text: 'QUYẾT ĐỊNH:' },
    {
      kind: 'paragraph',
      text: `Điều 1. Công nhận kết quả đánh giá, xếp loại chất lượng năm ${data.year} đối với ${total} ${whom || 'cán bộ, công chức, viên chức'} (có danh sách kèm theo), cụ thể:`,
    },
    ...counts.map((entry) => ({
      kind: 'paragraph' as const,
      text: `- ${ratingLabels[entry.rating]}: ${entry.count} người, chiếm ${formatPercent(entry.count, total)};`,
    })),
    {
      kind: 'paragraph',
      text: 'Điều 2. Kết quả đánh giá, xếp loại chất lượng là căn cứ để bố trí, sử dụng, đào tạo, bồi dưỡng, quy hoạch, bổ nhiệm, khen thưởng, kỷ luật và thực hiện các chính sách khác đối với từng người; được thông báo đến từng người và công khai trong cơ quan, đơn vị.',
    },
    {
      kind: 'paragraph',
      text: `Điều 3. Quyết định này có hiệu lực kể từ ngày ký. ${data.executors.join(', ')} và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    },
  ];
  return {
    title: `Quyết định công nhận kết quả đánh giá, xếp loại chất lượng năm ${data.year}`,
    agency: data.issuance.agency,
    number: data.issuance.number,
    symbol: 'QĐ',
    year: data.issuance.year,
    date: data.issuance.date,
    kind: 'Quyết định',
    subject: [`Về việc công nhận kết quả đánh giá, xếp loại chất lượng năm ${data.year}`],
    draft: data.issuance.draft ?? false,
    body,
    recipients: ['Như Điều 3;', 'Sở Nội vụ;', `Lưu: VT, ${data.issuance.agency.abbreviation}.`],
    signer: data.issuance.signer,
    annex: {
      heading: ['DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG', `Năm ${data.year}`],
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: 'STT', width: 7, align: 'center' },
            { header: 'Họ và tên', width: 24 },
            { header: 'Chức vụ', width: 20 },
            { header: 'Đơn vị', width: 24 },
            { header: 'Điểm', width: 8, align: 'right' },
            { header: 'Xếp loại', width: 22 },
          ],
          rows: people.map((person, index) => [
            String(index + 1),
            person.fullName,
            person.positionTitle ?? '',
            person.unitName,
            formatPoints(person.score),
            ratingLabels[person.rating],
          ]),
        },
      ],
    },
  };
}
