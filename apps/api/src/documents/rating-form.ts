import type { Rating, StaffCategory } from '@cadre/db';
import { categoryLabels, ratingLabels } from '../exports/labels.ts';
import { formatPoints } from './issuance.ts';
import { type AgencyBlock, type Block, dateInWords, type OfficialDocument } from './layout.ts';

// Phiếu đánh giá, xếp loại chất lượng of one person, in the form of the decree's annex: the person's
// self-assessment, the points per criterion for each period and for the year (Nghị định 335/2025:
// general criteria 30, task results 70), the head's comments and the rating, each part with its
// dated signature.

export type Components = {
  tasks: number | null;
  conduct: number | null;
  reform: number | null;
  citizens: number | null;
};

export type PeriodPoints = { period: number; score: number | null; components: Components };

export type RatingFormData = {
  year: number;
  packId: string;
  periodKind: 'YEAR' | 'QUARTER' | 'MONTH';
  agency: AgencyBlock;
  person: {
    fullName: string;
    code: string;
    positionTitle: string | null;
    rank: string | null;
    category: StaffCategory;
    unitPath: string;
  };
  selfAssessment: {
    achievements: string;
    shortcomings: string | null;
    proposedRating: Rating;
    submittedAt: Date | null;
  } | null;
  head: {
    name: string | null;
    position: string | null;
    conductAssessment: number | null;
    comment: string | null;
    assessedAt: Date | null;
  } | null;
  result: {
    score: number | null;
    components: Components;
    periods: PeriodPoints[];
    finalRating: Rating;
    finalReason: string | null;
    decidedAt: Date | null;
  } | null;
  /** who rates: the competent authority's position and signer */
  authority: { position: string; name: string | null };
};

/** The annex form of each category (Nghị định 90/2020/NĐ-CP, Phụ lục: Mẫu số 01–03; kept for 335/2025). */
const formCodes: Record<StaffCategory, string> = {
  CAN_BO: 'Mẫu số 01',
  CONG_CHUC: 'Mẫu số 02',
  VIEN_CHUC: 'Mẫu số 03',
  NGUOI_LAO_DONG: 'Mẫu số 02',
};

const roman = ['I', 'II', 'III', 'IV'];

function periodLabel(kind: RatingFormData['periodKind'], period: number): string {
  if (kind === 'QUARTER') return `Quý ${roman[period - 1] ?? period}`;
  if (kind === 'MONTH') return `T${period}`;
  return 'Năm';
}

const blank = '………………………………………………………………………………………………';

export function buildRatingFormDocument(data: RatingFormData): OfficialDocument {
  const category = categoryLabels[data.person.category];
  const result = data.result;
  // a table of the criteria: one column per period scored (at most four fit the page; months are
  // shown as the year only), then the year
  const periods = data.periodKind === 'QUARTER' && result ? result.periods : [];
  const criteria: { label: string; max: number; pick: (components: Components) => number | null }[] = [
    {
      label: '1. Chính trị, tư tưởng, đạo đức, lối sống, tác phong, lề lối làm việc',
      max: 10,
      pick: (c) => c.conduct,
    },
    { label: '2. Kết quả cải cách hành chính', max: 10, pick: (c) => c.reform },
    { label: '3. Mức độ hài lòng của người dân, tổ chức', max: 10, pick: (c) => c.citizens },
    { label: '4. Kết quả thực hiện nhiệm vụ được giao', max: 70, pick: (c) => c.tasks },
  ];
  const columns = [
    { header: 'Tiêu chí', width: 44 },
    { header: 'Tối đa', width: 8, align: 'center' as const },
    ...periods.map((period) => ({
      header: periodLabel(data.periodKind, period.period),
      width: 9,
      align: 'center' as const,
    })),
    { header: 'Cả năm', width: 10, align: 'center' as const },
  ];
  const rows = result
    ? [
        ...criteria.map((criterion) => [
          criterion.label,
          String(criterion.max),
          ...periods.map((period) => formatPoints(criterion.pick(period.components))),
          formatPoints(criterion.pick(result.components)),
        ]),
        [
          'Tổng điểm',
          '100',
          ...periods.map((period) => formatPoints(period.score)),
          formatPoints(result.score),
        ],
      ]
    : [];

  const self = data.selfAssessment;
  const head = data.head;
  const body: Block[] = [
    {
      kind: 'paragraph',
      indent: false,
      text: `Họ và tên: ${data.person.fullName}          Mã số: ${data.person.code}`,
    },
    { kind: 'paragraph', indent: false, text: `Chức vụ, chức danh: ${data.person.positionTitle ?? blank}` },
    { kind: 'paragraph', indent: false, text: `Ngạch, chức danh nghề nghiệp: ${data.person.rank ?? blank}` },
    { kind: 'paragraph', indent: false, text: `Đơn vị công tác: ${data.person.unitPath}` },
    { kind: 'space', lines: 0.5 },
    { kind: 'paragraph', style: 'bold', indent: false, text: 'I. KẾT QUẢ TỰ ĐÁNH GIÁ' },
  ];
  if (self) {
    body.push(
      { kind: 'paragraph', text: `1. Ưu điểm, kết quả đạt được: ${self.achievements}` },
      { kind: 'paragraph', text: `2. Hạn chế, khuyết điểm: ${self.shortcomings ?? 'Không'}` },
      { kind: 'paragraph', text: `3. Tự nhận mức xếp loại: ${ratingLabels[self.proposedRating]}` },
    );
  } else {
    body.push({ kind: 'paragraph', text: 'Chưa nộp bản tự đánh giá.' });
  }
  body.push({
    kind: 'signatures',
    blocks: [
      {
        authority: null,
        position: `${category} tự đánh giá`,
        note: '(Ký, ghi rõ họ tên)',
        name: data.person.fullName,
        dateLine: `${data.agency.place}, ${dateInWords(self?.submittedAt ?? null, data.year)}`,
      },
    ],
  });
  body.push({ kind: 'paragraph', style: 'bold', indent: false, text: 'II. ĐIỂM ĐÁNH GIÁ THEO TIÊU CHÍ' });
  if (result) body.push({ kind: 'table', columns, rows, boldRows: [rows.length - 1] });
  else body.push({ kind: 'paragraph', text: 'Chưa có kết quả chấm điểm.' });

  body.push({
    kind: 'paragraph',
    style: 'bold',
    indent: false,
    text: 'III. Ý KIẾN NHẬN XÉT, ĐÁNH GIÁ CỦA NGƯỜI QUẢN LÝ, SỬ DỤNG',
  });
  if (head) {
    body.push(
      {
        kind: 'paragraph',
        text: `1. Điểm đánh giá tác phong, lề lối làm việc (0–10): ${formatPoints(head.conductAssessment)}`,
      },
      { kind: 'paragraph', text: `2. Nhận xét: ${head.comment ?? blank}` },
    );
  } else body.push({ kind: 'paragraph', text: `Nhận xét: ${blank}` });
  body.push({
    kind: 'signatures',
    blocks: [
      {
        authority: null,
        position: head?.position ?? 'Người quản lý trực tiếp',
        note: '(Ký, ghi rõ họ tên)',
        name: head?.name ?? null,
        dateLine: `${data.agency.place}, ${dateInWords(head?.assessedAt ?? null, data.year)}`,
      },
    ],
  });
  body.push({
    kind: 'paragraph',
    style: 'bold',
    indent: false,
    text: 'IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA CẤP CÓ THẨM QUYỀN',
  });
  if (result) {
    body.push({
      kind: 'paragraph',
      text: `Xếp loại chất lượng: ${ratingLabels[result.finalRating]}${result.score !== null ? ` (${formatPoints(result.score)} điểm)` : ''}.`,
    });
    if (result.finalReason) body.push({ kind: 'paragraph', text: `Lý do: ${result.finalReason}` });
  } else body.push({ kind: 'paragraph', text: 'Chưa có kết quả xếp loại.' });
  body.push({
    kind: 'signatures',
    blocks: [
      {
        authority: null,
        position: data.authority.position,
        note: '(Ký, ghi rõ họ tên, đóng dấu)',
        name: data.authority.name,
        dateLine: `${data.agency.place}, ${dateInWords(result?.decidedAt ?? null, data.year)}`,
      },
    ],
  });
  return {
    title: `Phiếu đánh giá, xếp loại chất lượng năm ${data.year} - ${data.person.fullName}`,
    agency: data.agency,
    number: null,
    symbol: null,
    year: data.year,
    date: null,
    hideDate: true,
    kind: `Phiếu đánh giá, xếp loại chất lượng ${category.toLocaleLowerCase('vi')}`,
    subject: [`Năm ${data.year}`],
    formCode: formCodes[data.person.category],
    body,
    recipients: null,
    signer: null,
  };
}
