// A neutral description of a PostgreSQL schema: what the drift test compares.
// The "expected" side is derived from schema.prisma (expected-structure.ts),
// the "actual" side is read from pg_catalog (actual-structure.ts).

export type ReferentialAction = 'CASCADE' | 'RESTRICT' | 'NO ACTION' | 'SET NULL' | 'SET DEFAULT';

export type ColumnStructure = {
  /**
   * `format_type()` spelling (`text`, `integer`, `timestamp(3) with time zone`, `text[]`…),
   * or `enum:<Name>` / `enum:<Name>[]` for enum types.
   */
  type: string;
  nullable: boolean;
  /** SQL default expression as written in DDL (`CURRENT_TIMESTAMP`, `'import'`, `autoincrement()` for serials) */
  default: string | null;
};

export type IndexColumn = { name: string; descending: boolean; operatorClass: string | null };

export type IndexStructure = {
  unique: boolean;
  /** access method: btree, gin, gist, hash… */
  method: string;
  columns: IndexColumn[];
  /** partial-index predicate; Prisma cannot declare one, so it is always null on the expected side */
  predicate: string | null;
};

export type ForeignKeyStructure = {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
};

export type TableStructure = {
  /** in declaration order */
  columns: Record<string, ColumnStructure>;
  primaryKey: { name: string; columns: string[] } | null;
  indexes: Record<string, IndexStructure>;
  foreignKeys: Record<string, ForeignKeyStructure>;
};

export type DbStructure = {
  enums: Record<string, string[]>;
  tables: Record<string, TableStructure>;
};

/** Spells a default the way both sides can agree on: without a trailing cast, numbers unquoted. */
export function normalizeDefault(expression: string | null): string | null {
  if (expression === null) return null;
  let value = expression.trim();
  if (/^nextval\(/i.test(value)) return 'autoincrement()';
  if (/^(now\(\)|current_timestamp)$/i.test(value)) return 'CURRENT_TIMESTAMP';
  // strip casts: 'x'::text, ARRAY['a'::text], ARRAY[]::text[], '1'::double precision, 'A'::"Enum"
  const cast =
    /::(?:"[^"]+"|double precision|character varying|time(?:stamp)?(?:\(\d+\))? with(?:out)? time zone|[a-z_][a-z0-9_]*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*/gi;
  value = value.replace(new RegExp(`('(?:[^']|'')*')${cast.source}`, 'gi'), '$1');
  value = value.replace(new RegExp(`(\\])${cast.source}$`, 'i'), '$1');
  value = value.replace(new RegExp(`${cast.source}$`, 'i'), '');
  const parenthesised = /^\((-?[\d.]+)\)$/.exec(value);
  if (parenthesised?.[1]) value = parenthesised[1];
  const quotedNumber = /^'(-?\d+(?:\.\d+)?(?:e-?\d+)?)'$/i.exec(value);
  if (quotedNumber?.[1]) value = quotedNumber[1];
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(value)) return String(Number(value));
  if (/^array\[\]$/i.test(value)) return 'ARRAY[]';
  if (/^(true|false)$/i.test(value)) return value.toLowerCase();
  return value;
}

export function describeColumn(column: ColumnStructure): string {
  const nullability = column.nullable ? 'NULL' : 'NOT NULL';
  return `${column.type} ${nullability}${column.default === null ? '' : ` DEFAULT ${column.default}`}`;
}

export function describeIndex(index: IndexStructure): string {
  const columns = index.columns
    .map((c) => `${c.name}${c.descending ? ' DESC' : ''}${c.operatorClass ? ` ${c.operatorClass}` : ''}`)
    .join(', ');
  const where = index.predicate ? ` WHERE ${index.predicate}` : '';
  return `${index.unique ? 'UNIQUE ' : ''}${index.method} (${columns})${where}`;
}

export function describeForeignKey(fk: ForeignKeyStructure): string {
  return `(${fk.columns.join(', ')}) → ${fk.referencedTable}(${fk.referencedColumns.join(', ')}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
}

function compareNamed<T>(
  where: string,
  kind: string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  describe: (item: T) => string,
  out: string[],
) {
  for (const [name, item] of Object.entries(expected)) {
    const other = actual[name];
    if (other === undefined) out.push(`${where}: ${kind} "${name}" is missing (expected ${describe(item)})`);
    else if (describe(other) !== describe(item))
      out.push(`${where}: ${kind} "${name}" is ${describe(other)}, expected ${describe(item)}`);
  }
  for (const [name, item] of Object.entries(actual)) {
    if (!(name in expected)) out.push(`${where}: unexpected ${kind} "${name}" (${describe(item)})`);
  }
}

/** Every difference between two structures, one readable line each; empty when they match. */
export function compareStructures(expected: DbStructure, actual: DbStructure): string[] {
  const out: string[] = [];
  compareNamed(
    'database',
    'enum',
    expected.enums,
    actual.enums,
    (values) => [...values].sort().join(', '),
    out,
  );
  for (const [tableName, table] of Object.entries(expected.tables)) {
    const other = actual.tables[tableName];
    if (!other) {
      out.push(`database: table "${tableName}" is missing`);
      continue;
    }
    const where = `table "${tableName}"`;
    const normalizedColumns = (columns: Record<string, ColumnStructure>) =>
      Object.fromEntries(
        Object.entries(columns).map(([name, c]) => [name, { ...c, default: normalizeDefault(c.default) }]),
      );
    compareNamed(
      where,
      'column',
      normalizedColumns(table.columns),
      normalizedColumns(other.columns),
      describeColumn,
      out,
    );
    const pk = (p: TableStructure['primaryKey']) => (p ? `${p.name} (${p.columns.join(', ')})` : 'none');
    if (pk(table.primaryKey) !== pk(other.primaryKey))
      out.push(`${where}: primary key is ${pk(other.primaryKey)}, expected ${pk(table.primaryKey)}`);
    compareNamed(where, 'index', table.indexes, other.indexes, describeIndex, out);
    compareNamed(where, 'foreign key', table.foreignKeys, other.foreignKeys, describeForeignKey, out);
  }
  for (const tableName of Object.keys(actual.tables)) {
    if (!(tableName in expected.tables)) out.push(`database: unexpected table "${tableName}"`);
  }
  return out;
}
