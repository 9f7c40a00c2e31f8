// A people workbook (.xlsx) as an agency would upload it: the import template's Vietnamese headers
// and labels, dates as dd/MM/yyyy, new staff codes (NK…) placed in the province's divisions and
// communes. Written with exceljs' streaming writer, so 100,000 rows never sit in memory at once.
import { statSync } from 'node:fs';
import { benchVietnameseNames, createStream, makePersonName } from '@cadre/fixtures';
import ExcelJS from 'exceljs';
import type { Province } from './province.ts';

const headers = [
  'Mã cán bộ',
  'Họ và tên',
  'Mã đơn vị',
  'Loại cán bộ',
  'Giới tính',
  'Ngày sinh',
  'Thư điện tử',
  'Chức vụ',
  'Ngày tuyển dụng',
  'Ngày nghỉ hưu',
  'Mã đơn vị lãnh đạo',
  'Lĩnh vực nhạy cảm',
  'Giữ vị trí nhạy cảm từ ngày',
  'Tiếp xúc trực tiếp người dân',
  'Giải quyết hồ sơ thủ tục hành chính',
];

const categories = ['Công chức', 'Công chức', 'Công chức', 'Cán bộ', 'Viên chức', 'Người lao động'];
const sectors = [
  'Tổ chức cán bộ',
  'Tài chính',
  'Đất đai',
  'Giải quyết công việc của người dân, doanh nghiệp',
];

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const vietnameseDate = (year: number, month: number, day: number) =>
  `${pad(day, 2)}/${pad(month, 2)}/${year}`;

export const importCodePrefix = 'NK';

export async function writePeopleWorkbook(options: {
  province: Province;
  rows: number;
  file: string;
}): Promise<{ rows: number; bytes: number }> {
  const stream = createStream(options.province.seed, 'people-workbook');
  const leafCodes = options.province.units
    .filter((unit) => unit.kind === 'DIVISION' || unit.kind === 'COMMUNE' || unit.kind === 'CENTER')
    .map((unit) => unit.code);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: options.file,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Cán bộ');
  sheet.addRow(headers).commit();
  for (let i = 0; i < options.rows; i++) {
    const female = stream.chance(0.52);
    const name = makePersonName(stream, female ? 'FEMALE' : 'MALE', benchVietnameseNames).full;
    const birthYear = stream.int(1966, 2002);
    const hiredYear = Math.min(2025, birthYear + stream.int(22, 30));
    const sensitive = stream.chance(0.1);
    const citizenFacing = stream.chance(0.33);
    sheet
      .addRow([
        `${importCodePrefix}${pad(i + 1, 6)}`,
        name,
        leafCodes.length > 0 ? stream.pick(leafCodes) : 'TINH',
        stream.pick(categories),
        female ? 'Nữ' : 'Nam',
        vietnameseDate(birthYear, stream.int(1, 12), stream.int(1, 28)),
        stream.chance(0.5) ? `nk${pad(i + 1, 6)}@binhson.gov.vn` : null,
        stream.chance(0.1) ? 'Phó trưởng phòng' : 'Chuyên viên',
        vietnameseDate(hiredYear, stream.int(1, 12), stream.int(1, 28)),
        vietnameseDate(birthYear + (female ? 57 : 61), stream.int(1, 12), 28),
        null,
        sensitive ? stream.pick(sectors) : null,
        sensitive ? vietnameseDate(stream.int(2019, 2025), stream.int(1, 12), 1) : null,
        citizenFacing ? 'Có' : 'Không',
        citizenFacing && stream.chance(0.7) ? 'Có' : 'Không',
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return { rows: options.rows, bytes: statSync(options.file).size };
}
