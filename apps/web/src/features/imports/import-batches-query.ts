import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const ImportBatches = graphql(`
  query ImportBatches($first: Int) {
    importBatches(first: $first) {
      totalCount
      edges {
        node {
          id
          kind
          status
          fileName
          totalRows
          validRows
          expectedRows
          errorCount
          createdAt
          errorReportUrl
          cycle {
            id
            name
          }
        }
      }
    }
  }
`);

export type BatchRow = ResultOf<typeof ImportBatches>['importBatches']['edges'][number]['node'];

/** how often a running batch is read again (the upload's own, and the history while one runs) */
export const pollMs = 1000;
