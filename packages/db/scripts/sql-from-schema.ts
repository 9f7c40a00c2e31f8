// Drafts migration SQL from prisma/schema.prisma, the way `prisma migrate diff`
// would, without Prisma's native schema engine (see packages/db/README.md).
//
//   npm run sql-from-schema -w @cadre/db                  SQL from the migrations' state to the schema
//   npm run sql-from-schema -w @cadre/db -- --from-empty  SQL creating the whole schema
//   npm run sql-from-schema -w @cadre/db -- --name add_x  write prisma/migrations/<timestamp>_add_x/migration.sql
//   npm run sql-from-schema -w @cadre/db -- --check       exit 1 when the migrations lag behind the schema
//
// Read the draft before committing it: data moves, renames and backfills are yours to write.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openPglite } from '../src/client.ts';
import { defaultMigrationsDir, migrate } from '../src/migrate.ts';
import { actualStructure } from '../src/schema-model/actual-structure.ts';
import { expectedStructure } from '../src/schema-model/expected-structure.ts';
import { readDatamodel } from '../src/schema-model/read-dmmf.ts';
import { renderMigrationSql } from '../src/schema-model/render-sql.ts';
import type { DbStructure } from '../src/schema-model/structure.ts';

const { values } = parseArgs({
  options: {
    'from-empty': { type: 'boolean', default: false },
    name: { type: 'string' },
    check: { type: 'boolean', default: false },
    'migrations-dir': { type: 'string' },
  },
});

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function migratedStructure(migrationsDir: string): Promise<DbStructure> {
  const db = await openPglite('memory://');
  try {
    await migrate(db, { migrationsDir });
    return await actualStructure(db.sql);
  } finally {
    await db.close();
  }
}

const migrationsDir = values['migrations-dir'] ?? defaultMigrationsDir();
const target = expectedStructure(readDatamodel());
const current = values['from-empty'] ? undefined : await migratedStructure(migrationsDir);
const sql = renderMigrationSql(target, current);

if (values.check) {
  if (sql) {
    process.stderr.write(`the migrations do not match schema.prisma; missing SQL:\n\n${sql}`);
    process.exit(1);
  }
  process.stdout.write('the migrations match schema.prisma\n');
} else if (values.name) {
  if (!sql) {
    process.stderr.write('nothing to migrate: the migrations already match schema.prisma\n');
    process.exit(1);
  }
  const name = `${timestamp()}_${values.name.replace(/[^a-zA-Z0-9_]+/g, '_')}`;
  const folder = path.join(migrationsDir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'migration.sql'), sql);
  process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(folder, 'migration.sql'))}\n`);
} else {
  process.stdout.write(sql || '-- nothing to migrate: the migrations already match schema.prisma\n');
}
