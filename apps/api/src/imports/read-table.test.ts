import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { estimateDataRows, readTable } from './read-table.ts';
import { readTableInWorker } from './read-table-in-worker.ts';

describe('reading an uploaded table', () => {
  it('tells about how many data rows a file holds before parsing it, for the progress of its import', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cán bộ');
    sheet.addRow(['Mã cán bộ', 'Họ và tên']);
    for (let i = 0; i < 1234; i++) sheet.addRow([`CB${i}`, `Người ${i}`]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await estimateDataRows(xlsx, 'xlsx')).toBe(1234);
    expect(await estimateDataRows(Buffer.from('Mã,Tên\nA,1\nB,2\n'), 'csv')).toBe(2);
    expect(await estimateDataRows(Buffer.from('Mã,Tên\r\nA,1\r\nB,2'), 'csv')).toBe(2);
    // not a workbook: unknown (the parse reports why)
    expect(await estimateDataRows(Buffer.from('not a zip'), 'xlsx')).toBeNull();
  });

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

  it('keeps every character cut by a chunk boundary, streaming inline strings through the worker', async () => {
    // inline strings (as the streaming writer and many exporters write them): the text is in the
    // sheet itself, inflated and parsed 128 KB at a time, so multi-byte letters straddle chunks
    const sink = new PassThrough();
    const parts: Buffer[] = [];
    sink.on('data', (part: Buffer) => parts.push(part));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Cán bộ');
    sheet.addRow(['Mã cán bộ', 'Họ và tên', 'Tiếp xúc trực tiếp người dân', 'Ngày sinh']).commit();
    const names = ['Nguyễn Thị Hồng Nhung', 'Trần Đức Thắng', 'Lê Ngọc Ánh', 'Phạm Quốc Việt', 'Đỗ Thị Ỷ'];
    const rows = 30_000;
    const born = new Date(Date.UTC(1985, 7, 15));
    for (let i = 0; i < rows; i++) {
      sheet.addRow([`CB${i}`, `${names[i % names.length]} ${i}`, 'Không', born]).commit();
    }
    sheet.commit();
    await workbook.commit();
    const content = Buffer.concat(parts);

    let count = 0;
    const broken: unknown[] = [];
    for await (const batch of readTableInWorker({ content, format: 'xlsx' })) {
      for (const row of batch) {
        if (count > 0) {
          const i = count - 1;
          const date = row[3] instanceof Date ? row[3].toISOString().slice(0, 10) : row[3];
          if (row[1] !== `${names[i % names.length]} ${i}` || row[2] !== 'Không' || date !== '1985-08-15') {
            broken.push(row);
          }
        }
        count += 1;
      }
    }
    expect(count).toBe(rows + 1);
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
