import { readCsvBatches } from './read-csv.ts';
import { importLimits, type RawCell, type TableLimits } from './read-table-types.ts';
import { readXlsxBatches, readXlsxDimensionRows } from './read-xlsx.ts';

export type { RawCell, TableLimits } from './read-table-types.ts';

/** A sheet as rows of cells; `rows[0]` is the header row (spreadsheet row 1). */
export type RawTable = { rows: RawCell[][] };

export type FileFormat = 'csv' | 'xlsx';

export type ReadTableOptions = {
  content: Buffer;
  format: FileFormat;
  limits?: TableLimits;
  /** rows per batch (the last may be shorter) */
  batchSize?: number;
};

/** The format from the file name or the content (an .xlsx is a zip: it starts with "PK"). */
export function detectFormat(fileName: string, content: Buffer): FileFormat {
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return content.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
}

/**
 * The table's rows in batches, as they are parsed: the header row first, spreadsheet row numbers
 * kept (row n of the sheet is the n-th row over all batches). Throws UnreadableFileError (or its
 * FileLimitError) for a file that cannot or may not be read.
 */
export function readTableBatches(options: ReadTableOptions): AsyncGenerator<RawCell[][]> {
  const reader = {
    content: options.content,
    limits: options.limits ?? importLimits,
    batchSize: options.batchSize ?? 2000,
  };
  return options.format === 'xlsx' ? readXlsxBatches(reader) : readCsvBatches(reader);
}

/** The whole table at once (templates, tests); trailing empty rows dropped. */
export async function readTable(options: ReadTableOptions): Promise<RawTable> {
  const rows: RawCell[][] = [];
  for await (const batch of readTableBatches(options)) {
    for (const row of batch) rows.push(row);
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => cell === null)) rows.pop();
  return { rows };
}

/**
 * About how many data rows the file holds, before it is parsed, for a progress bar: a CSV's line
 * breaks (a quoted cell over several lines counts more), an .xlsx sheet's declared dimension; null
 * when the file does not say or cannot be read (the parse then reports why).
 */
export async function estimateDataRows(content: Buffer, format: FileFormat): Promise<number | null> {
  try {
    if (format === 'xlsx') return await readXlsxDimensionRows(content);
    let lines = 0;
    for (let at = content.indexOf(10); at !== -1; at = content.indexOf(10, at + 1)) lines += 1;
    if (content.length > 0 && content[content.length - 1] !== 10) lines += 1;
    return Math.max(0, lines - 1);
  } catch {
    return null;
  }
}
