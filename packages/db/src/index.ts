export type {
  Database,
  Engine,
  ListenHandlers,
  OpenDatabaseOptions,
  OpenPgliteOptions,
  SqlDatabase,
  SqlRunner,
} from './client.ts';
export { findRepoRoot, openDatabase, openPglite, openPostgres, redactUrl, resolveDataDir } from './client.ts';
export type * from './generated/prisma/client.ts';
export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export type { MigrateOptions, MigrateResult, MigrationFile, MigrationStatus } from './migrate.ts';
export { MigrationError, migrate, migrationStatus, readMigrationFiles } from './migrate.ts';
export { toSearchText } from './search-text.ts';
export { insertRows } from './seed/insert-rows.ts';
export type { DemoData, SeedDemoOptions, SeedSummary } from './seed/seed-demo.ts';
export { buildDemoData, demoAccounts, demoCycleYear, ensureDemoData, seedDemo } from './seed/seed-demo.ts';
