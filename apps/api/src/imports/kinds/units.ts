import { type Prisma, toSearchText, type UnitKind } from '@cadre/db';
import { unitKindLabels } from '../../exports/labels.ts';
import { uuidv7 } from '../../ids.ts';
import type { RowError } from '../convert-rows.ts';
import { column, enumOf, type ImportKindDefinition, text } from '../import-kind.ts';
import { insertAll, markFileDuplicates, resolveUnits, str, unknownUnit } from '../prepare-import.ts';

/** Units under a parent in the uploader's scope (or a unit earlier in the file), each in an emulation block. */
export const unitsImport: ImportKindDefinition = {
  kind: 'UNITS',
  slug: 'units',
  title: 'Đơn vị',
  needsCycle: false,
  columns: [
    column('code', 'Mã đơn vị', text(50), 'SNV-P1', true),
    column('name', 'Tên đơn vị', text(300), 'Phòng Tổ chức, biên chế', true),
    column('kind', 'Loại đơn vị', enumOf(unitKindLabels), 'Phòng, ban', true),
    column('parentCode', 'Mã đơn vị cấp trên', text(50), 'SNV', true),
    column('blockCode', 'Mã khối thi đua', text(50), ''),
  ],
  async prepare(options) {
    // the writer keeps only what it writes: not `options` (the file's rows)
    const { rows, prisma, chunkSize } = options;
    const errors: RowError[] = [];
    const repeated = markFileDuplicates(
      rows,
      (row) => str(row.values.code) ?? '',
      'Mã đơn vị',
      (row) => str(row.values.code) ?? '',
      errors,
    );
    const codes = rows.map((row) => str(row.values.code) ?? '');
    const parents = rows.map((row) => str(row.values.parentCode) ?? '');
    const known = await resolveUnits(options, [...codes, ...parents]);
    const blockCodes = [
      ...new Set(rows.map((row) => str(row.values.blockCode)).filter((code) => code !== null)),
    ];
    const blocks = new Map(
      (await prisma.emulationBlock.findMany({ where: { code: { in: blockCodes } } })).map((block) => [
        block.code,
        block.id,
      ]),
    );
    const newIds = new Map<string, string>();
    const data: Prisma.UnitCreateManyInput[] = [];
    for (const row of rows) {
      const code = str(row.values.code) ?? '';
      const parentCode = str(row.values.parentCode) ?? '';
      const blockCode = str(row.values.blockCode);
      let ok = true;
      if (known.has(code)) {
        ok = false;
        errors.push({
          row: row.row,
          field: 'Mã đơn vị',
          value: code,
          message: `Mã đơn vị "${code}" đã tồn tại / unit code already exists`,
        });
      }
      const existingParent = known.get(parentCode);
      const parentId = existingParent?.inScope ? existingParent.id : newIds.get(parentCode);
      if (!parentId) {
        ok = false;
        errors.push(unknownUnit(row.row, 'Mã đơn vị cấp trên', parentCode));
      }
      const blockId = blockCode === null ? null : blocks.get(blockCode);
      if (blockId === undefined) {
        ok = false;
        errors.push({
          row: row.row,
          field: 'Mã khối thi đua',
          value: blockCode,
          message: `Không có khối thi đua mã "${blockCode}" / unknown emulation block`,
        });
      }
      if (!ok || !parentId || repeated.has(row.row)) continue;
      const id = uuidv7();
      if (!newIds.has(code)) newIds.set(code, id);
      const name = str(row.values.name) ?? '';
      data.push({
        id,
        code,
        name,
        searchName: toSearchText(name),
        kind: row.values.kind as UnitKind,
        parentId,
        blockId: blockId ?? null,
      });
    }
    return { errors, write: (tx) => insertAll(tx, 'Unit', data, chunkSize) };
  },
};
