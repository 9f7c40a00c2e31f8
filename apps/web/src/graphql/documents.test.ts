import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  type DefinitionNode,
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';

// gql.tada types the documents but does not validate them outside the editor: a fragment spread on a
// type the union lacks only fails at run time (HTTP 400). Every document is checked here instead.
const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.resolve(here, '..');
const schema = buildSchema(readFileSync(path.resolve(src, '../../api/schema.graphql'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const documents = sourceFiles(src).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([\s\S]*?)`/g)].map((match) => ({
    file: path.relative(src, file),
    // @_unmask is gql.tada's own directive (fragment data read unmasked); it never reaches the server
    text: (match[1] ?? '').replaceAll(' @_unmask', ''),
  })),
);

// documents pass their fragments as a second argument: make every fragment known to every document
const fragments: DefinitionNode[] = documents.flatMap((document) =>
  parse(document.text).definitions.filter((definition) => definition.kind === 'FragmentDefinition'),
);
const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

function validateDocument(text: string): string[] {
  const own = parse(text).definitions;
  const ownNames = new Set(
    own.flatMap((definition) => (definition.kind === 'FragmentDefinition' ? [definition.name.value] : [])),
  );
  const others = fragments.filter(
    (fragment) => fragment.kind === 'FragmentDefinition' && !ownNames.has(fragment.name.value),
  );
  return validate(schema, { kind: Kind.DOCUMENT, definitions: [...own, ...others] }, rules).map(
    (error) => error.message,
  );
}

describe('GraphQL documents of the web app', () => {
  it('finds the documents', () => {
    expect(documents.length).toBeGreaterThan(10);
  });

  it.each(
    documents.map((document) => [`${document.file}: ${document.text.trim().split('\n')[0]}`, document.text]),
  )('validates %s against the API schema', (_name, text) => {
    expect(validateDocument(text)).toEqual([]);
  });
});
