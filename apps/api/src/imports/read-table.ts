import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type RawCell = string | number | boolean | Date | null;

/** A sheet as rows of cells; `rows[0]` is the header row (spreadsheet row 1). */
export type RawTable = { rows: RawCell[][] };

export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

export type FileFormat = 'csv' | 'xlsx';

/** The format from the file name or the content (an .xlsx is a zip: it starts with "PK"). */
export function detectFormat(fileName: string, content: Buffer): FileFormat {
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return content.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
}

export async function readTable(options: { content: Buffer; format: FileFormat }): Promise<RawTable> {
  const table = options.format === 'xlsx' ? await readXlsx(options.content) : readCsv(options.content);
  // PostgreSQL text cannot hold U+0000: make it the replacement character, which conversion refuses
  for (const row of table.rows) {
    for (let i = 0; i < row.length; i += 1) {
      const cell = row[i];
      if (typeof cell === 'string' && cell.includes('\u0000')) row[i] = cell.replaceAll('\u0000', '\uFFFD');
    }
  }
  return table;
}

/**
 * The delimiter the header row uses: Excel writes commas or, under a Vietnamese or European locale,
 * semicolons. Taken from the header alone because guessing over the whole file fails on the empty
 * line a file ends with.
 */
function headerDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const count = (delimiter: string) => header.split(delimiter).length - 1;
  return [';', '\t'].find((delimiter) => count(delimiter) > count(',')) ?? ',';
}

function readCsv(content: Buffer): RawTable {
  // Excel writes CSV with a BOM; papaparse guesses the delimiter (comma or semicolon)
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: headerDelimiter(text) });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) {
    throw new UnreadableFileError(
      `Tệp CSV hỏng ở dòng ${(fatal.row ?? 0) + 1}: ${fatal.message} / broken CSV at row ${(fatal.row ?? 0) + 1}`,
    );
  }
  return { rows: parsed.data.map((row) => row.map((cell) => (cell.trim() === '' ? null : cell))) };
}

function cellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) {
      const result = value.result;
      if (result === undefined || result === null || typeof result === 'object') {
        return result instanceof Date ? result : null;
      }
      return result;
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return String(value);
}

/**
 * The first sheet, loaded whole. ExcelJS's streaming reader would need far less memory, but it cuts
 * multi-byte UTF-8 characters at chunk boundaries ("Không" came back as "Kh��ng" in a 100,000-row
 * workbook), so the workbook is loaded as a document; read-table.test.ts guards the text.
 */
async function readXlsx(content: Buffer): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('Không đọc được tệp Excel (.xlsx) / not a readable .xlsx file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('Tệp Excel không có trang tính / the workbook has no sheet');
  const rows: RawCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let index = 1; index <= row.cellCount; index += 1) {
      const value = cellValue(row.getCell(index).value);
      cells.push(typeof value === 'string' && value.trim() === '' ? null : value);
    }
    rows[rowNumber - 1] = cells;
  });
  // keep spreadsheet row numbers: fill gaps, then drop trailing empty rows
  for (let index = 0; index < rows.length; index += 1) rows[index] ??= [];
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => cell === null)) rows.pop();
  return { rows };
}
