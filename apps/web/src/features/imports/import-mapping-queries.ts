import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';

/** The sources with a saved mapping for a kind (both the upload's source select and the editor). */
export const ImportMappingsQuery = graphql(`
  query ImportMappings($kind: ImportKind) {
    importMappings(kind: $kind) {
      kind
      source
      columns
      updatedAt
    }
  }
`);

/** The columns of a kind's template: the key a mapping names, the Vietnamese heading, required. */
export const ImportColumnsQuery = graphql(`
  query ImportColumns($kind: ImportKind!) {
    importColumns(kind: $kind) {
      key
      header
      required
    }
  }
`);

export const SaveImportMappingMutation = graphql(
  `
  mutation SaveImportMapping($kind: ImportKind!, $source: String!, $columns: JSON!) {
    saveImportMapping(kind: $kind, source: $source, columns: $columns) {
      __typename
      ... on SaveImportMappingSuccess {
        data {
          kind
          source
          columns
          updatedAt
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);
