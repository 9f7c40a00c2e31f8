import { writeCsv, writeXlsx } from '../exports/write-table.ts';
import type { ImportKindSpec } from './import-kind.ts';

/** The downloadable template of an import kind: Vietnamese headers and one example row. */
export async function buildTemplate(spec: ImportKindSpec, format: 'xlsx' | 'csv'): Promise<Buffer> {
  const columns = spec.columns.map((column) => ({
    header: column.header,
    width: Math.max(14, column.header.length + 4),
  }));
  const rows = [spec.columns.map((column) => column.example || null)];
  if (format === 'csv') return writeCsv({ columns, rows });
  const notes = spec.columns.map((column) => {
    const type = column.type;
    const allowed =
      type.kind === 'enum'
        ? `một trong / one of: ${Object.values(type.labels).join('; ')}`
        : type.kind === 'date'
          ? 'dd/MM/yyyy hoặc / or yyyy-MM-dd'
          : type.kind === 'bool'
            ? 'Có / Không'
            : type.kind === 'text'
              ? `văn bản ≤ ${type.max} ký tự / text`
              : 'số / number';
    return [column.header, column.key, column.required ? 'Bắt buộc / required' : '', allowed];
  });
  return writeXlsx([
    { name: spec.title, columns, rows },
    {
      name: 'Hướng dẫn',
      title: [`Mẫu nhập ${spec.title} / import template ${spec.kind}`],
      columns: [
        { header: 'Cột (tiếng Việt)', width: 36 },
        { header: 'Column (English)', width: 22 },
        { header: 'Bắt buộc', width: 20 },
        { header: 'Giá trị / values', width: 80 },
      ],
      rows: notes,
    },
  ]);
}
