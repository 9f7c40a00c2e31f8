import type { Rating, StaffCategory } from '@cadre/db';
import { categoryLabels, formatDateVi, ratingLabels } from './labels.ts';
import { createPdf, heading, nationalHeader, signatures, table } from './pdf-document.ts';

export type RatingFormData = {
  year: number;
  agency: string;
  unitName: string;
  person: { fullName: string; code: string; positionTitle: string | null; category: StaffCategory };
  selfAssessment: {
    achievements: string;
    shortcomings: string | null;
    proposedRating: Rating;
    submittedAt: Date | null;
  } | null;
  headAssessment: { conductAssessment: number; comment: string | null } | null;
  result: {
    score: number | null;
    components: {
      tasks: number | null;
      conduct: number | null;
      reform: number | null;
      citizens: number | null;
    };
    engineRating: Rating;
    finalRating: Rating;
    finalReason: string | null;
  } | null;
  printedOn: Date;
};

const points = (value: number | null) => (value === null ? '—' : value.toFixed(1).replace('.', ','));

/** Phiếu đánh giá, xếp loại chất lượng: self-assessment, the head's opinion, the rating. */
export async function buildRatingFormPdf(data: RatingFormData): Promise<Buffer> {
  const { doc, done } = createPdf({ title: `Phiếu đánh giá, xếp loại chất lượng - ${data.person.fullName}` });
  nationalHeader(doc, {
    agency: data.agency,
    unit: data.unitName,
    place: `Ngày in: ${formatDateVi(data.printedOn)}`,
  });
  heading(doc, [
    'PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG',
    `${categoryLabels[data.person.category].toUpperCase()} - NĂM ${data.year}`,
  ]);
  doc.font('regular').fontSize(11);
  doc.text(`Họ và tên: ${data.person.fullName}    Mã cán bộ: ${data.person.code}`);
  doc.text(`Chức vụ: ${data.person.positionTitle ?? '—'}`);
  doc.text(`Đơn vị công tác: ${data.unitName}`);
  doc.moveDown(0.8);

  doc.font('bold').text('I. KẾT QUẢ TỰ ĐÁNH GIÁ');
  doc.font('regular');
  if (data.selfAssessment) {
    doc.text(`1. Ưu điểm, kết quả đạt được: ${data.selfAssessment.achievements}`);
    doc.text(`2. Hạn chế, khuyết điểm: ${data.selfAssessment.shortcomings ?? 'Không'}`);
    doc.text(`3. Tự xếp loại: ${ratingLabels[data.selfAssessment.proposedRating]}`);
  } else doc.text('Chưa nộp bản tự đánh giá.');
  doc.moveDown(0.8);

  doc.font('bold').text('II. Ý KIẾN NHẬN XÉT, ĐÁNH GIÁ CỦA NGƯỜI QUẢN LÝ');
  doc.font('regular');
  if (data.headAssessment) {
    doc.text(
      `Điểm đánh giá tác phong, lề lối làm việc (0-10): ${points(data.headAssessment.conductAssessment)}`,
    );
    doc.text(`Nhận xét: ${data.headAssessment.comment ?? '—'}`);
  } else doc.text('Chưa có ý kiến.');
  doc.moveDown(0.8);

  doc.font('bold').text('III. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG');
  doc.moveDown(0.3);
  if (data.result) {
    const result = data.result;
    table(
      doc,
      [
        { header: 'Tiêu chí', width: 60 },
        { header: 'Điểm', width: 20, align: 'right' },
      ],
      [
        ['Kết quả thực hiện nhiệm vụ (tối đa 70)', points(result.components.tasks)],
        ['Tác phong, lề lối, chấp hành kỷ luật (tối đa 10)', points(result.components.conduct)],
        ['Kết quả cải cách hành chính (tối đa 10)', points(result.components.reform)],
        ['Mức độ hài lòng của người dân (tối đa 10)', points(result.components.citizens)],
        ['Tổng điểm', points(result.score)],
      ],
    );
    doc.font('regular').fontSize(11).text(`Hệ thống đề xuất: ${ratingLabels[result.engineRating]}`);
    doc.font('bold').text(`Xếp loại chất lượng: ${ratingLabels[result.finalRating]}`);
    if (result.finalReason) doc.font('regular').text(`Lý do: ${result.finalReason}`);
  } else {
    doc.font('regular').text('Chưa có kết quả xếp loại.');
  }
  doc.moveDown(1);
  signatures(doc, [
    { title: 'NGƯỜI TỰ ĐÁNH GIÁ', name: data.person.fullName },
    { title: 'THỦ TRƯỞNG ĐƠN VỊ' },
  ]);
  doc.end();
  return done;
}
