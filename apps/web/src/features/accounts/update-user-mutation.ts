import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';

export const UpdateUser = graphql(
  `
  mutation UpdateUserPage($id: ID!, $version: Int!, $input: UpdateUserInput!) {
    updateUser(id: $id, version: $version, input: $input) {
      __typename
      ... on UpdateUserSuccess {
        data {
          id
          role
          active
          version
          scopeUnit {
            id
            name
          }
          person {
            id
            fullName
            code
            unit {
              id
              name
              parent {
                id
                name
              }
            }
          }
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);
