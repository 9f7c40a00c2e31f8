// Runs `prisma generate` offline. Prisma 7 tries to download its native schema
// engine at start-up; generation itself does not need it, so any existing file
// satisfies the check (see shared/design/ARCHITECTURE.md).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync(
  process.execPath,
  [
    // wherever npm placed the CLI (hoisted to the root or nested under packages/db)
    createRequire(import.meta.url).resolve('prisma/build/index.js'),
    'generate',
    '--schema',
    path.join(root, 'prisma/schema.prisma'),
  ],
  { stdio: 'inherit', env, cwd: root },
);
process.exit(result.status ?? 1);
