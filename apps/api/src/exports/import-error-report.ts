import type { ImportBatch, ImportRowError } from '@cadre/db';
import { type TableSheet, writeCsv, writeXlsx } from './write-table.ts';

/** The row-by-row error report of an import batch. */
export async function buildImportErrorReport(
  batch: ImportBatch,
  errors: ImportRowError[],
  format: 'xlsx' | 'csv',
): Promise<Buffer> {
  const sheet: TableSheet = {
    name: 'Lỗi nhập liệu',
    columns: [
      { header: 'Dòng', width: 8 },
      { header: 'Cột', width: 28 },
      { header: 'Giá trị', width: 28 },
      { header: 'Lỗi', width: 90 },
    ],
    rows: errors.map((error) => [error.row, error.field, error.value, error.message]),
  };
  if (format === 'csv') return writeCsv(sheet);
  return writeXlsx([
    {
      ...sheet,
      title: [
        `Báo cáo lỗi nhập tệp "${batch.fileName}" (${batch.kind})`,
        `${batch.errorCount} lỗi trên ${batch.totalRows} dòng; không có dòng nào được ghi / nothing was written`,
      ],
    },
  ]);
}
