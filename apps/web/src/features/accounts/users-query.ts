import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const UsersQuery = graphql(`
  query AccountsPage($first: Int, $search: String) {
    users(first: $first, search: $search) {
      totalCount
      edges {
        node {
          id
          username
          displayName
          role
          active
          version
          lastLoginAt
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
    }
  }
`);

export type UserRow = ResultOf<typeof UsersQuery>['users']['edges'][number]['node'];

/** Whose account: the display name with the username, as a confirmation names it. */
export function accountName(user: UserRow): string {
  return user.displayName && user.displayName !== user.username
    ? `${user.displayName} (${user.username})`
    : user.username;
}
