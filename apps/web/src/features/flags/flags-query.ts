import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const FlagsQuery = graphql(`
  query Flags($cycleId: ID!, $first: Int, $after: String, $kind: FlagKind, $review: FlagReview) {
    flags(cycleId: $cycleId, first: $first, after: $after, kind: $kind, review: $review) {
      totalCount
      edges {
        node {
          id
          kind
          status
          review
          reason
          reviewReason
          reviewedAt
          rule
          version
          reviewedByName
          reviewedBy {
            id
            displayName
          }
          person {
            id
            fullName
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type FlagRow = ResultOf<typeof FlagsQuery>['flags']['edges'][number]['node'];
export type FlagKind = FlagRow['kind'];
export type FlagReview = FlagRow['review'];

export const kinds: readonly FlagKind[] = [
  'STREAMLINING',
  'DISMISSAL_REVIEW',
  'ROTATION',
  'WEAK_PERFORMANCE',
];
export const reviews: readonly FlagReview[] = ['PENDING', 'ACCEPTED', 'DISMISSED', 'POSTPONED'];
export const pageSize = 100;
