import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { safeCell } from './safe-cell.ts';

export type TableColumn = { header: string; width?: number; date?: boolean };
export type TableCell = string | number | boolean | Date | null;

export type TableSheet = {
  name: string;
  /** lines printed above the header row (titles) */
  title?: string[];
  columns: TableColumn[];
  rows: TableCell[][];
};

/** An .xlsx with one sheet per table: bold header row, frozen, text neutralised against formulas. */
export async function writeXlsx(sheets: TableSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cadre-eval';
  workbook.created = new Date();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const line of sheet.title ?? []) {
      const row = worksheet.addRow([safeCell(line)]);
      row.font = { bold: true, size: 13 };
    }
    const header = worksheet.addRow(sheet.columns.map((column) => column.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    sheet.columns.forEach((column, index) => {
      const excelColumn = worksheet.getColumn(index + 1);
      excelColumn.width = column.width ?? Math.max(12, Math.min(40, column.header.length + 4));
      if (column.date) excelColumn.numFmt = 'dd/mm/yyyy';
    });
    for (const values of sheet.rows) worksheet.addRow(values.map((value) => safeCell(value)));
    worksheet.views = [{ state: 'frozen', ySplit: header.number }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvValue(value: TableCell): string | number | boolean {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return safeCell(value);
}

/** UTF-8 CSV with a BOM (so Excel shows Vietnamese correctly), text neutralised against formulas. */
export function writeCsv(sheet: Pick<TableSheet, 'columns' | 'rows'>): Buffer {
  // a field with `;` is quoted: Excel set to `;` as list separator would split `;=1+1` there and
  // run the `=1+1` after it
  const text = Papa.unparse(
    {
      fields: sheet.columns.map((column) => String(safeCell(column.header))),
      data: sheet.rows.map((row) => row.map(csvValue)),
    },
    { quotes: (value: unknown) => typeof value === 'string' && value.includes(';') },
  );
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
