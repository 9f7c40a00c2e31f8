// src/generated/graphql-env.d.ts is what TypeScript types the web's documents with; it is generated
// from apps/api/schema.graphql, and a stale copy type-checks the web against an old API.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.resolve(web, '../../node_modules/gql.tada/bin/cli.js');

describe('the generated GraphQL types', () => {
  it('are generated from the committed apps/api/schema.graphql', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'cadre-graphql-env-'));
    try {
      const fresh = path.join(directory, 'graphql-env.d.ts');
      execFileSync(process.execPath, [cli, 'generate', 'output', '--output', fresh], {
        cwd: web,
        stdio: 'pipe',
      });
      expect(
        readFileSync(path.join(web, 'src/generated/graphql-env.d.ts'), 'utf8'),
        'apps/web/src/generated/graphql-env.d.ts is stale: run `npm run generate -w @cadre/web` (after `npm run schema -w @cadre/api`) and commit it',
      ).toBe(readFileSync(fresh, 'utf8'));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
