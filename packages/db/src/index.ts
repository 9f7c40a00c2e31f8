export { openDatabase, openPglite, openPostgres, redactUrl } from './client.ts';
export type { Database, Engine, OpenDatabaseOptions, SqlRunner } from './client.ts';
export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export type * from './generated/prisma/client.ts';
