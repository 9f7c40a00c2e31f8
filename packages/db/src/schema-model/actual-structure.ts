// Reads the structure of the current schema from pg_catalog (works on PGlite and PostgreSQL).
import type { SqlRunner } from '../client.ts';
import type { DbStructure, IndexColumn, ReferentialAction, TableStructure } from './structure.ts';

/** Tables that belong to the migration machinery, not to the data model. */
export const bookkeepingTables = ['_prisma_migrations'];

const actions: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

type EnumRow = { name: string; labels: string[] };
type ColumnRow = { table: string; column: string; type: string; nullable: boolean; default: string | null };
type ConstraintRow = {
  name: string;
  table: string;
  kind: 'p' | 'f';
  columns: string[];
  ref_table: string | null;
  ref_columns: string[] | null;
  on_delete: string;
  on_update: string;
};
type IndexRow = {
  name: string;
  table: string;
  unique: boolean;
  method: string;
  predicate: string | null;
  columns: IndexColumn[];
};

const enumsQuery = `
SELECT t.typname AS name, json_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
FROM pg_type t
JOIN pg_enum e ON e.enumtypid = t.oid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = current_schema()
GROUP BY t.typname`;

const columnsQuery = `
SELECT c.relname AS table, a.attname AS column,
  CASE WHEN t.typtype = 'e' THEN 'enum:' || t.typname
       WHEN et.typtype = 'e' THEN 'enum:' || et.typname || '[]'
       ELSE format_type(a.atttypid, a.atttypmod) END AS type,
  NOT a.attnotnull AS nullable,
  pg_get_expr(d.adbin, d.adrelid) AS default
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> ALL($1::text[])
ORDER BY c.relname, a.attnum`;

const constraintsQuery = `
SELECT con.conname AS name, c.relname AS table, con.contype AS kind,
  (SELECT json_agg(a.attname::text ORDER BY k.ord)
     FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
  fc.relname AS ref_table,
  (SELECT json_agg(a.attname::text ORDER BY k.ord)
     FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS ref_columns,
  con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f') AND c.relname <> ALL($1::text[])`;

const indexesQuery = `
SELECT i.relname AS name, c.relname AS table, ix.indisunique AS unique, am.amname AS method,
  pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
  (SELECT json_agg(json_build_object(
            'name', COALESCE(a.attname::text, pg_get_indexdef(ix.indexrelid, k.ord::int, true)),
            'descending', (ix.indoption[k.ord - 1] & 1) = 1,
            'operatorClass', CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname::text END)
          ORDER BY k.ord)
     FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
     LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum AND k.attnum > 0
     LEFT JOIN pg_opclass oc ON oc.oid = ix.indclass[k.ord - 1]
     WHERE k.ord <= ix.indnkeyatts) AS columns
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class c ON c.oid = ix.indrelid
JOIN pg_am am ON am.oid = i.relam
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND NOT ix.indisprimary AND c.relname <> ALL($1::text[])`;

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** The structure of the database's current schema (bookkeeping tables left out). */
export async function actualStructure(
  sql: SqlRunner,
  ignoreTables = bookkeepingTables,
): Promise<DbStructure> {
  const structure: DbStructure = { enums: {}, tables: {} };
  const table = (name: string): TableStructure => {
    let found = structure.tables[name];
    if (!found) {
      found = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
      structure.tables[name] = found;
    }
    return found;
  };

  for (const row of await sql.query<EnumRow>(enumsQuery)) structure.enums[row.name] = parseJson(row.labels);
  for (const row of await sql.query<ColumnRow>(columnsQuery, [ignoreTables])) {
    table(row.table).columns[row.column] = { type: row.type, nullable: row.nullable, default: row.default };
  }
  for (const row of await sql.query<ConstraintRow>(constraintsQuery, [ignoreTables])) {
    const columns = parseJson<string[]>(row.columns);
    if (row.kind === 'p') {
      table(row.table).primaryKey = { name: row.name, columns };
    } else {
      table(row.table).foreignKeys[row.name] = {
        columns,
        referencedTable: row.ref_table ?? '?',
        referencedColumns: parseJson<string[] | null>(row.ref_columns) ?? [],
        onDelete: actions[row.on_delete] ?? 'NO ACTION',
        onUpdate: actions[row.on_update] ?? 'NO ACTION',
      };
    }
  }
  for (const row of await sql.query<IndexRow>(indexesQuery, [ignoreTables])) {
    table(row.table).indexes[row.name] = {
      unique: row.unique,
      method: row.method,
      columns: parseJson<IndexColumn[]>(row.columns),
      predicate: row.predicate,
    };
  }
  return structure;
}
