import type { Rating } from '@cadre/db';
import { ratingLabels } from '../exports/labels.ts';
import { formatPercent, formatPoints, type Issuance } from './issuance.ts';
import type { OfficialDocument } from './layout.ts';
import { ratingOrder } from './rating-decision.ts';

// Danh sách đánh giá, xếp loại chất lượng of a unit and the units under it, with the count of
// each rating; signed by whoever made the list and the unit's head.

export type UnitRatingRow = {
  fullName: string;
  positionTitle: string | null;
  unitName: string;
  score: number | null;
  finalRating: Rating;
};

export function buildUnitRatingsDocument(data: {
  issuance: Issuance;
  year: number;
  unitName: string;
  rows: UnitRatingRow[];
  preparedBy: string | null;
}): OfficialDocument {
  const total = data.rows.length;
  const counts = ratingOrder
    .map((rating) => ({ rating, count: data.rows.filter((row) => row.finalRating === rating).length }))
    .filter((entry) => entry.count > 0);
  return {
    title: `Danh sách xếp loại chất lượng năm ${data.year} - ${data.unitName}`,
    agency: data.issuance.agency,
    number: null,
    symbol: null,
    year: data.issuance.year,
    date: data.issuance.date,
    kind: 'Danh sách đánh giá, xếp loại chất lượng',
    subject: [`Năm ${data.year} – ${data.unitName}`],
    body: [
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 7, align: 'center' },
          { header: 'Họ và tên', width: 26 },
          { header: 'Chức vụ', width: 20 },
          { header: 'Đơn vị', width: 24 },
          { header: 'Điểm', width: 8, align: 'right' },
          { header: 'Xếp loại', width: 22 },
        ],
        rows: data.rows.map((row, index) => [
          String(index + 1),
          row.fullName,
          row.positionTitle ?? '',
          row.unitName,
          formatPoints(row.score),
          ratingLabels[row.finalRating],
        ]),
      },
      {
        kind: 'paragraph',
        text: `Tổng số: ${total} người; ${counts.map((entry) => `${ratingLabels[entry.rating]}: ${entry.count} (${formatPercent(entry.count, total)})`).join('; ')}.`,
      },
      {
        kind: 'signatures',
        blocks: [
          {
            authority: null,
            position: 'Người lập danh sách',
            name: data.preparedBy,
            note: '(Ký, ghi rõ họ tên)',
          },
          data.issuance.signer,
        ],
      },
    ],
    recipients: null,
    signer: null,
  };
}
