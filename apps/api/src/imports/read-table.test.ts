import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.ts';

describe('reading an uploaded table', () => {
  it('keeps every Vietnamese character of a large workbook, row numbers included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cán bộ');
    sheet.addRow(['Mã cán bộ', 'Họ và tên', 'Tiếp xúc trực tiếp người dân']);
    const names = ['Nguyễn Thị Hồng Nhung', 'Trần Đức Thắng', 'Lê Ngọc Ánh', 'Phạm Quốc Việt'];
    const rows = 30_000;
    for (let i = 0; i < rows; i++) sheet.addRow([`CB${i}`, `${names[i % names.length]} ${i}`, 'Không']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());

    const table = await readTable({ content, format: 'xlsx' });
    expect(table.rows).toHaveLength(rows + 1);
    const broken = table.rows
      .slice(1)
      .filter((row, i) => row[1] !== `${names[i % names.length]} ${i}` || row[2] !== 'Không');
    expect(broken).toEqual([]);
  });

  it('reads a CSV with a byte-order mark and semicolons as Excel writes it', async () => {
    const content = Buffer.from('\uFEFFMã cán bộ;Họ và tên\r\nCB1;Đặng Thùy Trâm\r\n', 'utf8');
    const table = await readTable({ content, format: 'csv' });
    expect(table.rows.slice(0, 2)).toEqual([
      ['Mã cán bộ', 'Họ và tên'],
      ['CB1', 'Đặng Thùy Trâm'],
    ]);
  });
});
