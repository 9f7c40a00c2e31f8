// Writes the SQL that turns one structure into another, in the style of
// `prisma migrate diff --script` for PostgreSQL (quoted identifiers, the same
// type spellings and statement order). Used by scripts/sql-from-schema.ts to
// draft migrations; the committed migration.sql files are the source of truth.
import type {
  ColumnStructure,
  DbStructure,
  ForeignKeyStructure,
  IndexStructure,
  TableStructure,
} from './structure.ts';
import { describeColumn, describeForeignKey, describeIndex, normalizeDefault } from './structure.ts';

const emptyStructure: DbStructure = { enums: {}, tables: {} };

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const plainTypes: Record<string, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  smallint: 'SMALLINT',
  'double precision': 'DOUBLE PRECISION',
  real: 'REAL',
  boolean: 'BOOLEAN',
  jsonb: 'JSONB',
  json: 'JSON',
  bytea: 'BYTEA',
  uuid: 'UUID',
  date: 'DATE',
  numeric: 'DECIMAL',
  'character varying': 'VARCHAR',
  character: 'CHAR',
};

/** The DDL spelling of a structure type (`timestamp(3) with time zone` → `TIMESTAMPTZ(3)`). */
export function ddlType(type: string): string {
  const arrays = /(\[\])*$/.exec(type)?.[0] ?? '';
  const base = type.slice(0, type.length - arrays.length);
  if (base.startsWith('enum:')) return `${quoteIdent(base.slice(5))}${arrays}`;
  const plain = plainTypes[base];
  if (plain) return `${plain}${arrays}`;
  const timestamp = /^(timestamp|time)\((\d+)\) (with|without) time zone$/.exec(base);
  if (timestamp) {
    const [, kind, precision, zone] = timestamp;
    return `${kind === 'time' ? 'TIME' : 'TIMESTAMP'}${zone === 'with' ? 'TZ' : ''}(${precision})${arrays}`;
  }
  const sized = /^(numeric|character varying|character)\((\d+(?:,\d+)?)\)$/.exec(base);
  if (sized?.[1]) return `${plainTypes[sized[1]]}(${sized[2]})${arrays}`;
  throw new Error(`no DDL spelling for type ${type}`);
}

function serialType(type: string): string | null {
  if (type === 'integer') return 'SERIAL';
  if (type === 'bigint') return 'BIGSERIAL';
  if (type === 'smallint') return 'SMALLSERIAL';
  return null;
}

function columnDefinition(name: string, column: ColumnStructure): string {
  const serial = column.default === 'autoincrement()' ? serialType(column.type) : null;
  const parts = [quoteIdent(name), serial ?? ddlType(column.type)];
  if (!column.nullable) parts.push('NOT NULL');
  if (column.default !== null && !serial) parts.push(`DEFAULT ${column.default}`);
  return parts.join(' ');
}

function columnList(names: string[]): string {
  return names.map(quoteIdent).join(', ');
}

function createIndex(table: string, name: string, index: IndexStructure): string {
  const columns = index.columns
    .map(
      (c) =>
        `${quoteIdent(c.name)}${c.operatorClass ? ` ${c.operatorClass}` : ''}${c.descending ? ' DESC' : ''}`,
    )
    .join(', ');
  const method = index.method === 'btree' ? '' : ` USING ${index.method.toUpperCase()} `;
  const target = method ? `${quoteIdent(table)}${method}(${columns})` : `${quoteIdent(table)}(${columns})`;
  const where = index.predicate ? ` WHERE ${index.predicate}` : '';
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(name)} ON ${target}${where};`;
}

function addForeignKey(table: string, name: string, fk: ForeignKeyStructure): string {
  return (
    `ALTER TABLE ${quoteIdent(table)} ADD CONSTRAINT ${quoteIdent(name)} FOREIGN KEY (${columnList(fk.columns)}) ` +
    `REFERENCES ${quoteIdent(fk.referencedTable)}(${columnList(fk.referencedColumns)}) ` +
    `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate};`
  );
}

function createTable(name: string, table: TableStructure): string {
  const lines = Object.entries(table.columns).map(([column, c]) => `    ${columnDefinition(column, c)}`);
  if (table.primaryKey) {
    lines.push('');
    lines.push(
      `    CONSTRAINT ${quoteIdent(table.primaryKey.name)} PRIMARY KEY (${columnList(table.primaryKey.columns)})`,
    );
  }
  const body = lines.map((line, i) =>
    i < lines.length - 1 && line !== '' && lines[i + 1] !== '' ? `${line},` : line,
  );
  // the column before the blank line separating the primary key also takes a comma
  const withComma = body.map((line, i) => (body[i + 1] === '' ? `${line},` : line));
  return `CREATE TABLE ${quoteIdent(name)} (\n${withComma.join('\n')}\n);`;
}

function sameColumn(a: ColumnStructure, b: ColumnStructure): boolean {
  return (
    describeColumn({ ...a, default: normalizeDefault(a.default) }) ===
    describeColumn({ ...b, default: normalizeDefault(b.default) })
  );
}

function enumUsers(
  structure: DbStructure,
  enumName: string,
): { table: string; column: string; array: boolean }[] {
  const users: { table: string; column: string; array: boolean }[] = [];
  for (const [table, t] of Object.entries(structure.tables)) {
    for (const [column, c] of Object.entries(t.columns)) {
      if (c.type === `enum:${enumName}`) users.push({ table, column, array: false });
      if (c.type === `enum:${enumName}[]`) users.push({ table, column, array: true });
    }
  }
  return users;
}

/**
 * SQL turning `from` into `to`; with `from` omitted, SQL creating `to` in an empty schema.
 * Returns '' when there is nothing to do.
 */
export function renderMigrationSql(to: DbStructure, from: DbStructure = emptyStructure): string {
  const sections: [string, string[]][] = [];
  const section = (title: string) => {
    const statements: string[] = [];
    sections.push([title, statements]);
    return statements;
  };
  const dropForeignKeys = section('DropForeignKey');
  const dropIndexes = section('DropIndex');
  const createEnums = section('CreateEnum');
  const alterEnums = section('AlterEnum');
  const dropTables = section('DropTable');
  const alterTables = section('AlterTable');
  const createTables = section('CreateTable');
  const createIndexes = section('CreateIndex');
  const addForeignKeys = section('AddForeignKey');
  const dropEnums = section('DropEnum');

  for (const [name, values] of Object.entries(to.enums)) {
    const before = from.enums[name];
    if (!before) {
      createEnums.push(`CREATE TYPE ${quoteIdent(name)} AS ENUM (${values.map(quoteLiteral).join(', ')});`);
      continue;
    }
    const removed = before.filter((v) => !values.includes(v));
    if (removed.length === 0) {
      for (const value of values.filter((v) => !before.includes(v))) {
        alterEnums.push(`ALTER TYPE ${quoteIdent(name)} ADD VALUE ${quoteLiteral(value)};`);
      }
      continue;
    }
    // PostgreSQL cannot drop enum values: build the new type, move the columns over, swap names.
    const temp = `${name}_new`;
    const steps = [
      `-- Warning: rows holding ${removed.map(quoteLiteral).join(', ')} make this fail; update them first.`,
      `CREATE TYPE ${quoteIdent(temp)} AS ENUM (${values.map(quoteLiteral).join(', ')});`,
    ];
    for (const user of enumUsers(from, name)) {
      const target = `${quoteIdent(temp)}${user.array ? '[]' : ''}`;
      const fromColumn = from.tables[user.table]?.columns[user.column];
      if (fromColumn?.default) {
        steps.push(
          `ALTER TABLE ${quoteIdent(user.table)} ALTER COLUMN ${quoteIdent(user.column)} DROP DEFAULT;`,
        );
      }
      steps.push(
        `ALTER TABLE ${quoteIdent(user.table)} ALTER COLUMN ${quoteIdent(user.column)} TYPE ${target} USING (${quoteIdent(user.column)}::text${user.array ? '[]' : ''}::${target});`,
      );
    }
    steps.push(`ALTER TYPE ${quoteIdent(name)} RENAME TO ${quoteIdent(`${name}_old`)};`);
    steps.push(`ALTER TYPE ${quoteIdent(temp)} RENAME TO ${quoteIdent(name)};`);
    steps.push(`DROP TYPE ${quoteIdent(`${name}_old`)};`);
    for (const user of enumUsers(from, name)) {
      const toColumn = to.tables[user.table]?.columns[user.column];
      if (toColumn?.default && from.tables[user.table]?.columns[user.column]?.default) {
        steps.push(
          `ALTER TABLE ${quoteIdent(user.table)} ALTER COLUMN ${quoteIdent(user.column)} SET DEFAULT ${toColumn.default};`,
        );
      }
    }
    alterEnums.push(steps.join('\n'));
  }
  for (const name of Object.keys(from.enums)) {
    if (!(name in to.enums)) dropEnums.push(`DROP TYPE ${quoteIdent(name)};`);
  }

  for (const [name, table] of Object.entries(from.tables)) {
    if (!(name in to.tables)) dropTables.push(`DROP TABLE ${quoteIdent(name)};`);
    else {
      const target = to.tables[name] as TableStructure;
      for (const [fkName, fk] of Object.entries(table.foreignKeys)) {
        const next = target.foreignKeys[fkName];
        if (!next || describeForeignKey(next) !== describeForeignKey(fk)) {
          dropForeignKeys.push(`ALTER TABLE ${quoteIdent(name)} DROP CONSTRAINT ${quoteIdent(fkName)};`);
        }
      }
      for (const [indexName, index] of Object.entries(table.indexes)) {
        const next = target.indexes[indexName];
        if (!next || describeIndex(next) !== describeIndex(index)) {
          dropIndexes.push(`DROP INDEX ${quoteIdent(indexName)};`);
        }
      }
    }
  }

  for (const [name, table] of Object.entries(to.tables)) {
    const before = from.tables[name];
    if (!before) {
      createTables.push(createTable(name, table));
      for (const [indexName, index] of Object.entries(table.indexes)) {
        createIndexes.push(createIndex(name, indexName, index));
      }
      for (const [fkName, fk] of Object.entries(table.foreignKeys))
        addForeignKeys.push(addForeignKey(name, fkName, fk));
      continue;
    }
    const actions: string[] = [];
    const warnings: string[] = [];
    const pk = (p: TableStructure['primaryKey']) => (p ? `${p.name}:${p.columns.join(',')}` : '');
    const pkChanged = pk(before.primaryKey) !== pk(table.primaryKey);
    if (pkChanged && before.primaryKey) actions.push(`DROP CONSTRAINT ${quoteIdent(before.primaryKey.name)}`);
    for (const column of Object.keys(before.columns)) {
      if (!(column in table.columns)) {
        warnings.push(`-- Warning: dropping "${name}"."${column}" loses its data.`);
        actions.push(`DROP COLUMN ${quoteIdent(column)}`);
      }
    }
    for (const [column, c] of Object.entries(table.columns)) {
      const old = before.columns[column];
      if (!old) {
        if (!c.nullable && c.default === null) {
          warnings.push(
            `-- Warning: "${name}"."${column}" is required without a default: fails on a non-empty table.`,
          );
        }
        actions.push(`ADD COLUMN     ${columnDefinition(column, c)}`);
        continue;
      }
      if (sameColumn(old, c)) continue;
      const col = quoteIdent(column);
      if (old.type !== c.type) {
        warnings.push(`-- Warning: "${name}"."${column}" changes type from ${old.type} to ${c.type}.`);
        actions.push(`ALTER COLUMN ${col} SET DATA TYPE ${ddlType(c.type)}`);
      }
      if (old.nullable !== c.nullable)
        actions.push(`ALTER COLUMN ${col} ${c.nullable ? 'DROP' : 'SET'} NOT NULL`);
      if (normalizeDefault(old.default) !== normalizeDefault(c.default)) {
        actions.push(
          c.default === null
            ? `ALTER COLUMN ${col} DROP DEFAULT`
            : `ALTER COLUMN ${col} SET DEFAULT ${c.default}`,
        );
      }
    }
    if (pkChanged && table.primaryKey) {
      actions.push(
        `ADD CONSTRAINT ${quoteIdent(table.primaryKey.name)} PRIMARY KEY (${columnList(table.primaryKey.columns)})`,
      );
    }
    if (actions.length > 0) {
      alterTables.push(
        `${warnings.map((w) => `${w}\n`).join('')}ALTER TABLE ${quoteIdent(name)} ${actions.join(',\n')};`,
      );
    }
    for (const [indexName, index] of Object.entries(table.indexes)) {
      const old = before.indexes[indexName];
      if (!old || describeIndex(old) !== describeIndex(index))
        createIndexes.push(createIndex(name, indexName, index));
    }
    for (const [fkName, fk] of Object.entries(table.foreignKeys)) {
      const old = before.foreignKeys[fkName];
      if (!old || describeForeignKey(old) !== describeForeignKey(fk))
        addForeignKeys.push(addForeignKey(name, fkName, fk));
    }
  }

  return sections
    .filter(([, statements]) => statements.length > 0)
    .flatMap(([title, statements]) => statements.map((statement) => `-- ${title}\n${statement}\n`))
    .join('\n');
}
