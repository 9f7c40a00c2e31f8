import type { TitleKind } from '@cadre/db';
import { titleLabels } from '../exports/labels.ts';
import { formatMoney, type Issuance } from './issuance.ts';
import type { Block, OfficialDocument } from './layout.ts';
import { basis } from './legal-basis.ts';
import { amountInWords } from './money-words.ts';

// Quyết định công nhận danh hiệu thi đua / khen thưởng (or its revocation): preamble, Điều 1–3,
// the list as an annex with the reward money of each person and the total to budget (Nghị định
// 152/2025/NĐ-CP).

export type TitleDecisionAward = {
  title: TitleKind;
  name: string;
  positionTitle: string | null;
  unitName: string;
  collective: boolean;
  /** reward multiple of the base salary; null when the table has none for the title */
  multiple: number | null;
  amount: number | null;
};

export type TitleDecisionData = {
  issuance: Issuance;
  year: number;
  kind: 'AWARD' | 'REVOCATION';
  /** "Chủ tịch Ủy ban nhân dân tỉnh Hòa An": who decides, printed above the preamble */
  decider: string;
  /** the council whose proposal is decided, and the date of its meeting */
  council: { name: string; heldOn: Date | null } | null;
  baseSalary: number;
  reason: string | null;
  awards: TitleDecisionAward[];
  /** who carries out the decision (Điều 3) */
  executors: string[];
};

const titleOrder: TitleKind[] = [
  'CSTD_TOAN_QUOC',
  'CSTD_TINH',
  'CSTDCS',
  'LDTT',
  'BANG_KHEN',
  'GIAY_KHEN',
  'CO_THI_DUA',
  'TAP_THE_LDXS',
  'TAP_THE_LDTT',
];

function counted(awards: TitleDecisionAward[]): string[] {
  return titleOrder
    .map((title) => {
      const of = awards.filter((award) => award.title === title);
      if (of.length === 0) return null;
      const people = of.filter((award) => !award.collective).length;
      const units = of.length - people;
      const parts = [people ? `${people} cá nhân` : null, units ? `${units} tập thể` : null].filter(Boolean);
      return `- Danh hiệu “${titleLabels[title]}”: ${parts.join(' và ')};`;
    })
    .filter((line): line is string => line !== null);
}

export function buildTitleDecisionDocument(data: TitleDecisionData): OfficialDocument {
  const awards = [...data.awards].sort(
    (a, b) =>
      titleOrder.indexOf(a.title) - titleOrder.indexOf(b.title) ||
      a.unitName.localeCompare(b.unitName, 'vi') ||
      a.name.localeCompare(b.name, 'vi'),
  );
  const people = awards.filter((award) => !award.collective).length;
  const units = awards.length - people;
  const total = awards.reduce((sum, award) => sum + (award.amount ?? 0), 0);
  const revocation = data.kind === 'REVOCATION';
  const whom = [people ? `${people} cá nhân` : null, units ? `${units} tập thể` : null]
    .filter(Boolean)
    .join(' và ');
  const councilLine = data.council
    ? `Xét đề nghị của ${data.council.name}${data.council.heldOn ? ` tại cuộc họp ${dateShort(data.council.heldOn)}` : ''}.`
    : 'Xét đề nghị của Thủ trưởng các cơ quan, đơn vị.';
  const body: Block[] = [
    { kind: 'heading', text: data.decider.toLocaleUpperCase('vi') },
    { kind: 'space', lines: 0.5 },
    { kind: 'paragraph', style: 'basis', text: basis.localGovernment },
    { kind: 'paragraph', style: 'basis', text: basis.emulationLaw },
    { kind: 'paragraph', style: 'basis', text: basis.emulationDecree },
    {
      kind: 'paragraph',
      style: 'basis',
      text: `Căn cứ kết quả đánh giá, xếp loại chất lượng và thành tích năm ${data.year};`,
    },
    { kind: 'paragraph', style: 'basis', text: councilLine },
    { kind: 'space', lines: 0.5 },
    { kind: 'heading', text: 'QUYẾT ĐỊNH:' },
  ];
  if (!revocation) {
    body.push(
      {
        kind: 'paragraph',
        text: `Điều 1. Công nhận danh hiệu thi đua, hình thức khen thưởng năm ${data.year} cho ${whom || 'các cá nhân, tập thể'} có thành tích (có danh sách kèm theo), gồm:`,
      },
      ...counted(awards).map((text) => ({ kind: 'paragraph' as const, text })),
      {
        kind: 'paragraph',
        text: `Điều 2. Các cá nhân, tập thể có tên tại Điều 1 được thưởng theo quy định tại Nghị định số 152/2025/NĐ-CP, mức lương cơ sở ${formatMoney(data.baseSalary)} đồng; mức thưởng của từng cá nhân, tập thể ghi tại danh sách kèm theo. Tổng số tiền thưởng: ${formatMoney(total)} đồng (${amountInWords(total)}), chi từ quỹ thi đua, khen thưởng năm ${data.year}.`,
      },
    );
  } else {
    body.push(
      {
        kind: 'paragraph',
        text: `Điều 1. Thu hồi danh hiệu thi đua, hình thức khen thưởng năm ${data.year} đã tặng cho ${whom || 'các cá nhân, tập thể'} (có danh sách kèm theo).${data.reason ? ` Lý do: ${data.reason}` : ''}`,
      },
      {
        kind: 'paragraph',
        text: `Điều 2. Các cá nhân, tập thể có tên tại Điều 1 nộp lại hiện vật và tiền thưởng đã nhận theo quy định; tổng số tiền thưởng thu hồi: ${formatMoney(total)} đồng (${amountInWords(total)}).`,
      },
    );
  }
  body.push({
    kind: 'paragraph',
    text: `Điều 3. Quyết định này có hiệu lực kể từ ngày ký. ${data.executors.join(', ')} và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
  });

  const rows = awards.map((award, index) => [
    String(index + 1),
    award.collective ? award.name : `${award.name}${award.positionTitle ? `, ${award.positionTitle}` : ''}`,
    award.unitName,
    titleLabels[award.title],
    award.multiple === null ? '—' : String(award.multiple).replace('.', ','),
    award.amount === null ? '—' : formatMoney(award.amount),
  ]);
  rows.push(['', 'Tổng cộng', '', `${awards.length}`, '', formatMoney(total)]);
  return {
    title: revocation
      ? `Quyết định thu hồi danh hiệu thi đua năm ${data.year}`
      : `Quyết định công nhận danh hiệu thi đua năm ${data.year}`,
    agency: data.issuance.agency,
    number: data.issuance.number,
    symbol: 'QĐ',
    year: data.issuance.year,
    date: data.issuance.date,
    kind: 'Quyết định',
    subject: revocation
      ? [`Về việc thu hồi danh hiệu thi đua, khen thưởng năm ${data.year}`]
      : [`Về việc công nhận danh hiệu thi đua và khen thưởng năm ${data.year}`],
    draft: data.issuance.draft ?? false,
    body,
    recipients: [
      'Như Điều 3;',
      'Hội đồng Thi đua – Khen thưởng;',
      `Lưu: VT, ${data.issuance.agency.abbreviation}.`,
    ],
    signer: data.issuance.signer,
    annex: {
      heading: [
        revocation ? 'DANH SÁCH THU HỒI DANH HIỆU THI ĐUA' : 'DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG',
        `Năm ${data.year}`,
      ],
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: 'STT', width: 7, align: 'center' },
            { header: 'Họ và tên, chức vụ / Tập thể', width: 30 },
            { header: 'Đơn vị', width: 24 },
            { header: 'Danh hiệu, hình thức', width: 20 },
            { header: 'Hệ số', width: 8, align: 'center' },
            { header: 'Số tiền (đồng)', width: 14, align: 'right' },
          ],
          rows,
          boldRows: [rows.length - 1],
        },
      ],
    },
  };
}

function dateShort(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `ngày ${day}/${month}/${date.getUTCFullYear()}`;
}
