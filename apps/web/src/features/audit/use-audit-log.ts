import { useCallback } from 'react';
import { useClient } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { usePagedConnection } from '../../lib/use-paged-connection.ts';

const AuditQuery = graphql(`
  query AuditPage($first: Int, $after: String, $filter: AuditFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          at
          actorName
          action
          entity
          entityId
          before
          after
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type AuditEntry = ResultOf<typeof AuditQuery>['auditLog']['edges'][number]['node'];

/** The audit log, newest first, for one kind of record or all, read page by page. */
export function useAuditLog(entity: string | undefined) {
  const client = useClient();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          AuditQuery,
          { first: 50, after, filter: entity ? { entity } : null },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const log = result.data?.auditLog;
      if (!log) return { error: result.error };
      return {
        page: {
          nodes: log.edges.map((edge) => edge.node),
          totalCount: log.totalCount,
          hasNextPage: log.pageInfo.hasNextPage,
          endCursor: log.pageInfo.endCursor ?? null,
        },
      };
    },
    [client, entity],
  );
  const list = usePagedConnection<AuditEntry>(entity ?? '', fetchPage);
  return list;
}
