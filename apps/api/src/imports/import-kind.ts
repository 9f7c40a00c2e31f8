import type { Cycle, ImportKind, Prisma, PrismaClient } from '@cadre/db';
import type { UnitTree } from '../scope/unit-tree.ts';
import type { Viewer } from '../scope/viewer.ts';
import type { RowError, TypedRow } from './convert-rows.ts';

// What every import kind is made of (one file per kind in kinds/, listed in import-kinds.ts): the
// columns of its file (the Vietnamese header printed on the template, the English name also
// accepted, the type each cell is read as, an example value for the template row), and how its
// typed rows are checked and turned into the rows to insert.

export type ColumnType =
  | { kind: 'text'; max: number }
  | { kind: 'int'; min: number }
  | { kind: 'number'; min: number; max?: number }
  | { kind: 'date' }
  | { kind: 'bool' }
  | { kind: 'enum'; labels: Record<string, string> };

export type ImportColumn = {
  key: string;
  header: string;
  type: ColumnType;
  required: boolean;
  example: string;
};

export type ImportKindSpec = {
  kind: ImportKind;
  /** the URL name: /api/import/templates/<slug>.xlsx */
  slug: string;
  title: string;
  needsCycle: boolean;
  columns: ImportColumn[];
};

export type PreparedImport = {
  errors: RowError[];
  /** inserts every row (set-based, in chunks); returns the number written */
  write(tx: Prisma.TransactionClient): Promise<number>;
};

export type PrepareOptions = {
  prisma: PrismaClient;
  viewer: Viewer;
  tree: UnitTree;
  cycle: Cycle | null;
  spec: ImportKindDefinition;
  rows: TypedRow[];
  chunkSize: number;
  /** the batch being imported: evidence rows remember it (shown and corrected per person) */
  batchId: string;
};

export type ImportKindDefinition = ImportKindSpec & {
  /**
   * Second stage, after every cell has its type: references, duplicates within the file and
   * against the database, the row errors and the rows to insert. Nothing is written here.
   */
  prepare(options: PrepareOptions): Promise<PreparedImport>;
};

export const text = (max = 500): ColumnType => ({ kind: 'text', max });
export const int: ColumnType = { kind: 'int', min: 0 };
export const positive: ColumnType = { kind: 'number', min: 0 };
export const date: ColumnType = { kind: 'date' };
export const bool: ColumnType = { kind: 'bool' };
export const enumOf = (labels: Record<string, string>): ColumnType => ({ kind: 'enum', labels });

export function column(
  key: string,
  header: string,
  type: ColumnType,
  example: string,
  required = false,
): ImportColumn {
  return { key, header, type, required, example };
}

/** the person an evidence row is about, by staff number */
export const personCode = column('personCode', 'Mã cán bộ', text(50), 'CB0001', true);

/** the assignee of a period row, by staff number or by personal identification number: either is enough */
export const assignee = [
  column('personCode', 'Mã cán bộ', text(50), 'HA00012'),
  column('personalId', 'Số định danh cá nhân', text(12), '045086000123'),
];
