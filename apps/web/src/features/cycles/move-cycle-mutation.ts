import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';

export const MoveCycle = graphql(
  `
  mutation MoveCyclePage($id: ID!, $to: CycleStatus!, $reason: String, $version: Int!) {
    moveCycle(id: $id, to: $to, reason: $reason, version: $version) {
      __typename
      ... on MoveCycleSuccess {
        data {
          id
          status
          version
          readOnly
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);
