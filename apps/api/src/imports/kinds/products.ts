import type { Prisma } from '@cadre/db';
import { uuidv7 } from '../../ids.ts';
import type { RowError } from '../convert-rows.ts';
import { column, type ImportKindDefinition, positive, text } from '../import-kind.ts';
import { insertAll, num } from '../prepare-import.ts';
import { cycleOf, duplicateInFile, trimmedText } from '../prepare-period-imports.ts';

// The catalogue of products per job position, from the systems agencies already run (DOMAIN.md
// §9); a source system's own headers map onto these columns by a saved mapping (import-mapping.ts).

/** A job position's catalogue for the cycle: new positions are added, a product already there is refused. */
export const productsImport: ImportKindDefinition = {
  kind: 'PRODUCTS',
  slug: 'products',
  title: 'Danh mục sản phẩm theo vị trí việc làm',
  needsCycle: true,
  columns: [
    column('jobPositionCode', 'Mã vị trí việc làm', text(40), 'VTVL-MC', true),
    column('jobPositionName', 'Tên vị trí việc làm', text(300), 'Công chức một cửa'),
    column('code', 'Mã sản phẩm', text(40), 'MC01', true),
    column('name', 'Tên sản phẩm', text(300), 'Tiếp nhận, trả kết quả hồ sơ TTHC', true),
    column('unitOfCount', 'Đơn vị tính', text(40), 'hồ sơ', true),
    column('coefficient', 'Hệ số quy đổi', positive, '0,05', true),
  ],
  async prepare(options) {
    const cycle = cycleOf(options);
    const errors: RowError[] = [];
    const positions = await options.prisma.jobPosition.findMany();
    const positionBy = new Map(positions.map((row) => [row.code, row]));
    const existing = new Set(
      (
        await options.prisma.product.findMany({
          where: { cycleId: cycle.id },
          select: { jobPositionId: true, code: true },
        })
      ).map((row) => `${row.jobPositionId}|${row.code}`),
    );
    const newPositions = new Map<string, { id: string; code: string; name: string }>();
    const products: Prisma.ProductCreateManyInput[] = [];
    const seen = new Map<string, number>();
    for (const row of options.rows) {
      const positionCode = trimmedText(row.values.jobPositionCode) ?? '';
      const code = trimmedText(row.values.code) ?? '';
      const coefficient = num(row.values.coefficient) ?? 0;
      if (duplicateInFile(seen, `${positionCode}|${code}`, row, 'Mã sản phẩm', errors)) continue;
      if (!(coefficient > 0)) {
        errors.push({
          row: row.row,
          field: 'Hệ số quy đổi',
          value: String(coefficient),
          message: 'Hệ số quy đổi phải > 0 / must be above 0',
        });
        continue;
      }
      let position = positionBy.get(positionCode) ?? newPositions.get(positionCode);
      if (!position) {
        const name = trimmedText(row.values.jobPositionName);
        if (!name) {
          errors.push({
            row: row.row,
            field: 'Tên vị trí việc làm',
            value: positionCode,
            message: 'Vị trí việc làm mới cần tên / a new job position needs its name',
          });
          continue;
        }
        position = { id: uuidv7(), code: positionCode, name };
        newPositions.set(positionCode, position);
      }
      if (existing.has(`${position.id}|${code}`)) {
        errors.push({
          row: row.row,
          field: 'Mã sản phẩm',
          value: code,
          message: 'Đã có trong danh mục / already in the catalogue',
        });
        continue;
      }
      products.push({
        cycleId: cycle.id,
        jobPositionId: position.id,
        code,
        name: trimmedText(row.values.name) ?? code,
        unitOfCount: trimmedText(row.values.unitOfCount) ?? '',
        coefficient,
      });
    }
    return {
      errors,
      write: async (tx) => {
        // new positions keep the ids their products already name
        await insertAll(tx, 'JobPosition', [...newPositions.values()], options.chunkSize);
        return insertAll(tx, 'Product', products, options.chunkSize);
      },
    };
  },
};
