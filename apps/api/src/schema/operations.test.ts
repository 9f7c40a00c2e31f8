import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { schema } from './index.ts';

describe('documented operations', () => {
  it('the operations listed in the README for the web app are valid against the schema', () => {
    const readme = readFileSync(path.join(repoRoot, 'apps/api/README.md'), 'utf8');
    const block =
      readme.split('## Operations the web app uses')[1]?.split('```graphql')[1]?.split('```')[0] ?? '';
    const document = parse(block);
    expect(document.definitions.length).toBeGreaterThan(20);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });

  it('keeps the API.md contract names', () => {
    const contract = parse(`
      mutation Login { login(username: "a", password: "b") { token user { id username role } } }
      query Me { me { id username role } }
      query People { people(first: 1, after: null, filter: { unitId: "x", search: "y" }) {
        totalCount edges { node { id fullName unit { id name } } } pageInfo { hasNextPage endCursor } } }
      query Node { node(id: "x") { id ... on Person { fullName } } }`);
    expect(validate(schema, contract).map((error) => error.message)).toEqual([]);
  });
});
