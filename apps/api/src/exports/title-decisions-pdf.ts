import type { TitleDecisionKind, TitleKind } from '@cadre/db';
import { formatDateVi, titleLabels } from './labels.ts';
import { createPdf, heading, nationalHeader, table } from './pdf-document.ts';

export type TitleDecisionPrint = {
  number: string;
  kind: TitleDecisionKind;
  decidedOn: Date;
  signedBy: string;
  reason: string | null;
  awards: { title: TitleKind; name: string; unitName: string; revoked: boolean }[];
};

/** The title decisions of a cycle: one table per decision, listing who received which title. */
export async function buildTitleDecisionsPdf(data: {
  year: number;
  agency: string;
  decisions: TitleDecisionPrint[];
  printedOn: Date;
}): Promise<Buffer> {
  const { doc, done } = createPdf({ title: `Danh sách quyết định khen thưởng năm ${data.year}` });
  nationalHeader(doc, { agency: data.agency, place: `Ngày in: ${formatDateVi(data.printedOn)}` });
  heading(doc, ['DANH SÁCH QUYẾT ĐỊNH TẶNG, THU HỒI DANH HIỆU THI ĐUA', `Năm ${data.year}`]);
  if (data.decisions.length === 0) doc.font('regular').fontSize(11).text('Chưa có quyết định.');
  for (const decision of data.decisions) {
    doc
      .font('bold')
      .fontSize(11)
      .text(
        `Quyết định số ${decision.number} ngày ${formatDateVi(decision.decidedOn)} - ${decision.kind === 'AWARD' ? 'tặng danh hiệu' : 'thu hồi danh hiệu'}`,
      );
    doc
      .font('regular')
      .fontSize(10)
      .text(`Người ký: ${decision.signedBy}${decision.reason ? `. Lý do: ${decision.reason}` : ''}`);
    doc.moveDown(0.3);
    table(
      doc,
      [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Cá nhân / tập thể', width: 30 },
        { header: 'Đơn vị', width: 30 },
        { header: 'Danh hiệu', width: 30 },
      ],
      decision.awards.map((award, index) => [
        String(index + 1),
        award.name,
        award.unitName,
        `${titleLabels[award.title]}${award.revoked ? ' (đã thu hồi)' : ''}`,
      ]),
    );
  }
  doc.end();
  return done;
}
