import type { Rating } from '@cadre/db';
import { formatDateVi, ratingLabels } from './labels.ts';
import { createPdf, heading, nationalHeader, signatures, table } from './pdf-document.ts';

export type UnitRatingRow = {
  fullName: string;
  positionTitle: string | null;
  unitName: string;
  score: number | null;
  finalRating: Rating;
};

/** Danh sách xếp loại chất lượng of a unit (and its sub-units), with counts per rating. */
export async function buildUnitRatingsPdf(data: {
  year: number;
  agency: string;
  unitName: string;
  rows: UnitRatingRow[];
  printedOn: Date;
}): Promise<Buffer> {
  const { doc, done } = createPdf({ title: `Danh sách xếp loại chất lượng - ${data.unitName}` });
  nationalHeader(doc, {
    agency: data.agency,
    unit: data.unitName,
    place: `Ngày in: ${formatDateVi(data.printedOn)}`,
  });
  heading(doc, ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG', `Năm ${data.year} - ${data.unitName}`]);
  table(
    doc,
    [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Họ và tên', width: 28 },
      { header: 'Chức vụ', width: 20 },
      { header: 'Đơn vị', width: 24 },
      { header: 'Điểm', width: 8, align: 'right' },
      { header: 'Xếp loại', width: 26 },
    ],
    data.rows.map((row, index) => [
      String(index + 1),
      row.fullName,
      row.positionTitle ?? '',
      row.unitName,
      row.score === null ? '' : row.score.toFixed(1).replace('.', ','),
      ratingLabels[row.finalRating],
    ]),
  );
  const counts = (Object.keys(ratingLabels) as Rating[])
    .map(
      (rating) => `${ratingLabels[rating]}: ${data.rows.filter((row) => row.finalRating === rating).length}`,
    )
    .join('; ');
  doc.font('regular').fontSize(10).text(`Tổng số: ${data.rows.length} người. ${counts}.`);
  doc.moveDown(1);
  signatures(doc, [{ title: 'NGƯỜI LẬP DANH SÁCH' }, { title: 'THỦ TRƯỞNG ĐƠN VỊ' }]);
  doc.end();
  return done;
}
