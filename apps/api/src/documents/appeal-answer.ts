import type { AppealStatus, Gender, Rating } from '@cadre/db';
import { ratingLabels } from '../exports/labels.ts';
import type { Issuance } from './issuance.ts';
import type { Block, OfficialDocument } from './layout.ts';

// The written answer to an appeal against a published rating: a letter (công văn, Nghị định
// 30/2020 Phụ lục I: "V/v …" under the number, "Kính gửi:"), saying what was asked, what was
// found and what was decided.

export type AppealAnswerData = {
  issuance: Issuance;
  /** the drafting office's abbreviation, e.g. "NV" (letter symbol "UBND-NV") */
  draftingOffice: string;
  year: number;
  person: { fullName: string; gender: Gender | null; unitName: string };
  filedAt: Date;
  reason: string;
  requested: Rating | null;
  ratingBefore: Rating;
  ratingAfter: Rating;
  status: AppealStatus;
  outcome: string | null;
};

const statusSentence: Partial<Record<AppealStatus, string>> = {
  UPHELD: 'chấp nhận kiến nghị',
  REJECTED: 'không chấp nhận kiến nghị, giữ nguyên kết quả đã công bố',
  WITHDRAWN: 'đình chỉ xem xét do người kiến nghị rút đơn',
  UNDER_REVIEW: 'đang xem xét',
  SUBMITTED: 'đã tiếp nhận',
};

function dateShort(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `ngày ${day}/${month}/${date.getUTCFullYear()}`;
}

export function buildAppealAnswerDocument(data: AppealAnswerData): OfficialDocument {
  const title = data.person.gender === 'MALE' ? 'Ông' : data.person.gender === 'FEMALE' ? 'Bà' : 'Ông/Bà';
  const body: Block[] = [
    {
      kind: 'paragraph',
      align: 'center',
      indent: false,
      text: `Kính gửi: ${title} ${data.person.fullName}, ${data.person.unitName}.`,
    },
    { kind: 'space', lines: 0.5 },
    {
      kind: 'paragraph',
      text: `${dateShort(data.filedAt).replace(/^n/, 'N')}, ${data.issuance.agency.name} nhận được đơn kiến nghị của ${title} về kết quả đánh giá, xếp loại chất lượng năm ${data.year} (kết quả đã công bố: ${ratingLabels[data.ratingBefore]}${data.requested ? `; mức đề nghị: ${ratingLabels[data.requested]}` : ''}). Nội dung kiến nghị: ${data.reason}`,
    },
    {
      kind: 'paragraph',
      text: `Sau khi xem xét hồ sơ đánh giá, minh chứng kết quả thực hiện nhiệm vụ và ý kiến của người quản lý trực tiếp, ${data.issuance.agency.name} ${statusSentence[data.status] ?? 'trả lời'}.${data.outcome ? ` ${data.outcome}` : ''}`,
    },
    {
      kind: 'paragraph',
      text:
        data.ratingAfter !== data.ratingBefore
          ? `Kết quả xếp loại chất lượng năm ${data.year} của ${title} được điều chỉnh thành: ${ratingLabels[data.ratingAfter]}; việc điều chỉnh được ghi thành quyết định mới tham chiếu kết quả đã công bố.`
          : `Kết quả xếp loại chất lượng năm ${data.year} của ${title}: ${ratingLabels[data.ratingAfter]}.`,
    },
    {
      kind: 'paragraph',
      text: `${data.issuance.agency.name} trả lời để ${title} được biết./.`,
    },
  ];
  return {
    title: `Trả lời kiến nghị về kết quả đánh giá năm ${data.year} - ${data.person.fullName}`,
    agency: data.issuance.agency,
    number: data.issuance.number,
    symbol: null,
    symbolText: `${data.issuance.agency.abbreviation}-${data.draftingOffice}`,
    year: data.issuance.year,
    date: data.issuance.date,
    kind: null,
    subject: [`V/v trả lời kiến nghị về kết quả`, `đánh giá, xếp loại chất lượng năm ${data.year}`],
    draft: data.issuance.draft ?? false,
    body,
    recipients: ['Như trên;', `Lưu: VT, ${data.draftingOffice}.`],
    signer: data.issuance.signer,
  };
}
