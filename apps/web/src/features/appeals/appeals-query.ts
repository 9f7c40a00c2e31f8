import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const AppealsQuery = graphql(`
  query Appeals($cycleId: ID!, $first: Int, $filter: AppealsFilter) {
    appeals(cycleId: $cycleId, first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          status
          reason
          requested
          outcome
          filedAt
          decidedAt
          version
          attachments {
          id
          fileName
          size
          downloadUrl
          }
          decidedBy {
          id
          displayName
          }
          person {
          id
          fullName
          unit {
          id
          name
          }
          }
          result {
          id
          finalRating
          score
          }
        }
      }
    }
  }
`);

export const MyAppealsQuery = graphql(`
  query MyAppeals($cycleId: ID) {
    myAppeals(cycleId: $cycleId) {
      id
      status
      reason
      requested
      outcome
      filedAt
      decidedAt
      version
      attachments {
      id
      fileName
      size
      downloadUrl
      }
      decidedBy {
      id
      displayName
      }
      person {
      id
      fullName
      unit {
      id
      name
      }
      }
      result {
      id
      finalRating
      score
      }
    }
  }
`);

export type AppealRow = ResultOf<typeof MyAppealsQuery>['myAppeals'][number];
export type AppealStatus = AppealRow['status'];
export type Rating = NonNullable<AppealRow['requested']>;

export const ratings: readonly Rating[] = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'];
export const statuses: readonly AppealStatus[] = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'UPHELD',
  'REJECTED',
  'WITHDRAWN',
];
