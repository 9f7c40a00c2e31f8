import type { FlagKind, FlagStatus, Rating, StaffCategory, TitleKind } from '@cadre/db';
import ExcelJS from 'exceljs';
import { categoryLabels, flagLabels, ratingLabels, titleLabels } from '../exports/labels.ts';
import { formatMoney, formatPercent, type Issuance } from './issuance.ts';
import type { Block, OfficialDocument } from './layout.ts';
import { ratingOrder } from './rating-decision.ts';

// Báo cáo tổng hợp kết quả đánh giá, xếp loại chất lượng of a cycle: counts and percentages by
// rating, by category and by unit, the titles with their reward money, and the flags — as a PDF
// report and as a workbook with the same figures.

export type CycleReportData = {
  issuance: Issuance;
  year: number;
  cycleName: string;
  scopeName: string;
  people: { unitName: string; category: StaffCategory; rating: Rating }[];
  titles: { title: TitleKind; count: number; amount: number }[];
  flags: { kind: FlagKind; status: FlagStatus; count: number }[];
};

const categoryOrder: StaffCategory[] = ['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'NGUOI_LAO_DONG'];
const flagStatusLabels: Record<FlagStatus, string> = {
  ACTIVE: 'Đề xuất',
  POSTPONED: 'Tạm hoãn',
  EXEMPT: 'Miễn',
};

type Tally = { name: string; total: number; counts: Record<Rating, number> };

function tally(name: string, people: CycleReportData['people']): Tally {
  const counts = Object.fromEntries(ratingOrder.map((rating) => [rating, 0])) as Record<Rating, number>;
  for (const person of people) counts[person.rating] += 1;
  return { name, total: people.length, counts };
}

/** The figures of the report, shared by the PDF and the workbook. */
export function reportFigures(data: CycleReportData) {
  const all = tally('Tổng số', data.people);
  const byCategory = categoryOrder
    .map((category) =>
      tally(
        categoryLabels[category],
        data.people.filter((person) => person.category === category),
      ),
    )
    .filter((row) => row.total > 0);
  const unitNames = [...new Set(data.people.map((person) => person.unitName))].sort((a, b) =>
    a.localeCompare(b, 'vi'),
  );
  const byUnit = unitNames.map((name) =>
    tally(
      name,
      data.people.filter((person) => person.unitName === name),
    ),
  );
  return { all, byCategory, byUnit };
}

const ratingShort: Record<Rating, string> = {
  EXCELLENT: 'HTXS',
  GOOD: 'HTT',
  COMPLETED: 'HT',
  NOT_COMPLETED: 'KHT',
  NOT_RATED: 'Chưa XL',
};

function tallyTable(rows: Tally[], firstHeader: string): Block {
  return {
    kind: 'table',
    size: 11,
    columns: [
      { header: firstHeader, width: 26 },
      { header: 'Tổng số', width: 8, align: 'center' },
      ...ratingOrder.map((rating) => ({ header: ratingShort[rating], width: 11, align: 'center' as const })),
    ],
    rows: rows.map((row) => [
      row.name,
      String(row.total),
      ...ratingOrder.map(
        (rating) => `${row.counts[rating]} (${formatPercent(row.counts[rating], row.total)})`,
      ),
    ]),
  };
}

export function buildCycleReportDocument(data: CycleReportData): OfficialDocument {
  const { all, byCategory, byUnit } = reportFigures(data);
  const goodOrBetter = all.counts.EXCELLENT + all.counts.GOOD;
  const titlesTotal = data.titles.reduce((sum, row) => sum + row.amount, 0);
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện kỳ đánh giá “${data.cycleName}”, ${data.issuance.agency.name} báo cáo kết quả đánh giá, xếp loại chất lượng năm ${data.year} của ${data.scopeName} như sau:`,
    },
    { kind: 'paragraph', style: 'bold', indent: false, text: 'I. KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG' },
    {
      kind: 'paragraph',
      text: `Tổng số được đánh giá: ${all.total} người; hoàn thành tốt nhiệm vụ trở lên: ${goodOrBetter} người (${formatPercent(goodOrBetter, all.total)}); ${ratingOrder.map((rating) => `${ratingLabels[rating].toLocaleLowerCase('vi')}: ${all.counts[rating]} (${formatPercent(all.counts[rating], all.total)})`).join('; ')}.`,
    },
    { kind: 'paragraph', style: 'bold', indent: false, text: '1. Theo đối tượng' },
    tallyTable([...byCategory, all], 'Đối tượng'),
    { kind: 'paragraph', style: 'bold', indent: false, text: '2. Theo cơ quan, đơn vị' },
    tallyTable([...byUnit, all], 'Đơn vị'),
    {
      kind: 'paragraph',
      style: 'italic',
      size: 11,
      indent: false,
      text: 'Ghi chú: HTXS – hoàn thành xuất sắc nhiệm vụ; HTT – hoàn thành tốt nhiệm vụ; HT – hoàn thành nhiệm vụ; KHT – không hoàn thành nhiệm vụ; Chưa XL – chưa xếp loại.',
    },
    { kind: 'paragraph', style: 'bold', indent: false, text: 'II. DANH HIỆU THI ĐUA, KHEN THƯỞNG' },
    data.titles.length > 0
      ? {
          kind: 'table',
          columns: [
            { header: 'Danh hiệu, hình thức', width: 40 },
            { header: 'Số lượng', width: 14, align: 'center' },
            { header: 'Tiền thưởng (đồng)', width: 22, align: 'right' },
          ],
          rows: [
            ...data.titles.map((row) => [titleLabels[row.title], String(row.count), formatMoney(row.amount)]),
            [
              'Tổng cộng',
              String(data.titles.reduce((sum, row) => sum + row.count, 0)),
              formatMoney(titlesTotal),
            ],
          ],
          boldRows: [data.titles.length],
        }
      : { kind: 'paragraph', text: 'Chưa có quyết định công nhận danh hiệu.' },
    {
      kind: 'paragraph',
      style: 'bold',
      indent: false,
      text: 'III. ĐỀ XUẤT CHUYỂN ĐỔI VỊ TRÍ, TINH GIẢN BIÊN CHẾ',
    },
    data.flags.length > 0
      ? {
          kind: 'table',
          columns: [
            { header: 'Loại đề xuất', width: 40 },
            { header: 'Tình trạng', width: 20, align: 'center' },
            { header: 'Số người', width: 14, align: 'center' },
          ],
          rows: data.flags.map((row) => [
            flagLabels[row.kind],
            flagStatusLabels[row.status],
            String(row.count),
          ]),
        }
      : { kind: 'paragraph', text: 'Không có đề xuất.' },
    {
      kind: 'paragraph',
      text: `Trên đây là báo cáo kết quả đánh giá, xếp loại chất lượng năm ${data.year} của ${data.issuance.agency.name}./.`,
    },
  ];
  return {
    title: `Báo cáo kết quả đánh giá, xếp loại chất lượng năm ${data.year}`,
    agency: data.issuance.agency,
    number: data.issuance.number,
    symbol: 'BC',
    year: data.issuance.year,
    date: data.issuance.date,
    kind: 'Báo cáo',
    subject: [`Kết quả đánh giá, xếp loại chất lượng năm ${data.year}`],
    draft: data.issuance.draft ?? false,
    body,
    recipients: ['Sở Nội vụ;', `Lưu: VT, ${data.issuance.agency.abbreviation}.`],
    signer: data.issuance.signer,
  };
}

/** The same figures as a workbook: one sheet per table, counts and shares as numbers. */
export async function buildCycleReportWorkbook(data: CycleReportData): Promise<Buffer> {
  const { all, byCategory, byUnit } = reportFigures(data);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cadre-eval';
  workbook.created = data.issuance.date ?? new Date(Date.UTC(data.year, 11, 31));
  const tallySheet = (name: string, first: string, rows: Tally[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([`${name} – năm ${data.year} – ${data.scopeName}`]).font = { bold: true };
    const header = sheet.addRow([
      first,
      'Tổng số',
      ...ratingOrder.flatMap((rating) => [ratingLabels[rating], `${ratingShort[rating]} (%)`]),
    ]);
    header.font = { bold: true };
    for (const row of rows) {
      sheet.addRow([
        row.name,
        row.total,
        ...ratingOrder.flatMap((rating) => [
          row.counts[rating],
          row.total === 0 ? 0 : Math.round((1000 * row.counts[rating]) / row.total) / 10,
        ]),
      ]);
    }
    sheet.getColumn(1).width = 40;
    return sheet;
  };
  tallySheet('Theo xếp loại', 'Phạm vi', [all]);
  tallySheet('Theo đối tượng', 'Đối tượng', [...byCategory, all]);
  tallySheet('Theo đơn vị', 'Đơn vị', [...byUnit, all]);
  const titles = workbook.addWorksheet('Danh hiệu');
  titles.addRow(['Danh hiệu, hình thức', 'Số lượng', 'Tiền thưởng (đồng)']).font = { bold: true };
  for (const row of data.titles) titles.addRow([titleLabels[row.title], row.count, row.amount]);
  titles.getColumn(1).width = 36;
  titles.getColumn(3).numFmt = '#,##0';
  const flags = workbook.addWorksheet('Đề xuất');
  flags.addRow(['Loại đề xuất', 'Tình trạng', 'Số người']).font = { bold: true };
  for (const row of data.flags) flags.addRow([flagLabels[row.kind], flagStatusLabels[row.status], row.count]);
  flags.getColumn(1).width = 36;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
