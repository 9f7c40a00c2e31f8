// Shared by the table readers (read-table.ts, read-xlsx.ts, read-csv.ts) and their worker.

export type RawCell = string | number | boolean | Date | null;

/** What an upload may cost before it is refused (see importLimits). */
export type TableLimits = {
  /** data rows, header not counted */
  maxRows: number;
  /** the sum of the declared sizes of an .xlsx's parts once inflated */
  maxUncompressedBytes: number;
  /** inflated ÷ compressed size of one part above 1 MB; an ordinary sheet is 5–20:1 */
  maxCompressionRatio: number;
};

/**
 * The limits of one upload. 200,000 rows is a province's whole staff and then some; a
 * 100,000-row people workbook inflates to ≈ 100 MB at ≈ 12:1, a zip bomb to gigabytes at ≈ 1,000:1.
 */
export const importLimits: TableLimits = {
  maxRows: 200_000,
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxCompressionRatio: 100,
};

export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** A file refused for what reading it would cost (size, ratio, rows); nothing was parsed past it. */
export class FileLimitError extends UnreadableFileError {
  constructor(message: string) {
    super(message);
    this.name = 'FileLimitError';
  }
}
