import type { Rating, TitleKind } from '@cadre/db';
import { flagLabels, ratingLabels, titleLabels } from './labels.ts';
import { type TableCell, writeXlsx } from './write-table.ts';

export type ResultRow = {
  personCode: string;
  fullName: string;
  positionTitle: string | null;
  unitName: string;
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
  titles: string[];
  flags: string[];
};

export type UnitResultRow = {
  unitCode: string;
  unitName: string;
  blockName: string | null;
  blockRank: number | null;
  unitScore: number | null;
  excellentAllowed: number;
  collectiveTitles: string[];
};

const titleLabel = (title: string) => titleLabels[title as TitleKind] ?? title;
const flagLabel = (kind: string) => flagLabels[kind as keyof typeof flagLabels] ?? kind;

/** The results of a cycle (a unit's subtree, or everything the caller sees) as an .xlsx. */
export async function buildResultsWorkbook(options: {
  cycleName: string;
  scopeName: string;
  results: ResultRow[];
  units: UnitResultRow[];
}): Promise<Buffer> {
  const people: TableCell[][] = options.results.map((row, index) => [
    index + 1,
    row.personCode,
    row.fullName,
    row.positionTitle,
    row.unitName,
    row.score,
    row.components.tasks,
    row.components.conduct,
    row.components.reform,
    row.components.citizens,
    ratingLabels[row.engineRating],
    ratingLabels[row.finalRating],
    row.finalReason,
    row.titles.map(titleLabel).join('; '),
    row.flags.map(flagLabel).join('; '),
  ]);
  const units: TableCell[][] = options.units.map((row, index) => [
    index + 1,
    row.unitCode,
    row.unitName,
    row.blockName,
    row.blockRank,
    row.unitScore,
    row.excellentAllowed,
    row.collectiveTitles.map(titleLabel).join('; '),
  ]);
  return writeXlsx([
    {
      name: 'Kết quả xếp loại',
      title: [`Kết quả đánh giá, xếp loại chất lượng - ${options.cycleName}`, options.scopeName],
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Mã cán bộ', width: 12 },
        { header: 'Họ và tên', width: 28 },
        { header: 'Chức vụ', width: 20 },
        { header: 'Đơn vị', width: 30 },
        { header: 'Tổng điểm', width: 10 },
        { header: 'Kết quả nhiệm vụ (70)', width: 12 },
        { header: 'Tác phong, kỷ luật (10)', width: 12 },
        { header: 'Cải cách hành chính (10)', width: 12 },
        { header: 'Người dân đánh giá (10)', width: 12 },
        { header: 'Hệ thống đề xuất', width: 28 },
        { header: 'Xếp loại', width: 28 },
        { header: 'Lý do điều chỉnh', width: 30 },
        { header: 'Danh hiệu đủ điều kiện', width: 30 },
        { header: 'Đề xuất xem xét', width: 30 },
      ],
      rows: people,
    },
    {
      name: 'Đơn vị',
      title: [`Kết quả của đơn vị - ${options.cycleName}`],
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Mã đơn vị', width: 12 },
        { header: 'Tên đơn vị', width: 34 },
        { header: 'Khối thi đua', width: 24 },
        { header: 'Thứ hạng trong khối', width: 12 },
        { header: 'Điểm đơn vị', width: 10 },
        { header: 'Chỉ tiêu xuất sắc', width: 10 },
        { header: 'Danh hiệu tập thể', width: 30 },
      ],
      rows: units,
    },
  ]);
}
