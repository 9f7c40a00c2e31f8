// apps/api/schema.graphql is the contract the web app type-checks its documents against
// (gql.tada): it must be the schema this server builds, or the web compiles against a fiction.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './schema/index.ts';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');
const regenerate = 'npm run schema -w @cadre/api';

describe('the committed schema.graphql', () => {
  it('is the schema the server builds', () => {
    // both printed the same way, so the comparison ignores formatting (Biome lays out the file)
    const committed = printSchema(lexicographicSortSchema(buildSchema(readFileSync(schemaFile, 'utf8'))));
    const built = printSchema(lexicographicSortSchema(schema));
    expect(
      committed,
      `apps/api/schema.graphql differs from the schema the server builds: run \`${regenerate}\` and commit it (then \`npm run generate -w @cadre/web\` for the web's types)`,
    ).toBe(built);
  });
});
