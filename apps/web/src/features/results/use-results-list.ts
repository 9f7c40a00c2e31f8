import { readFragment } from 'gql.tada';
import { useCallback } from 'react';
import { useClient } from 'urql';
import { usePagedConnection } from '../../lib/use-paged-connection.ts';
import type { RatingValue } from './rating-display.ts';
import { ResultFields as ResultFieldsOf, type ResultRow, ResultsQuery } from './results-query.ts';

const pageSize = 100;

/** The cycle's results for the filters, best score first, read page by page (a new filter reads afresh). */
export function useResultsList(filters: {
  cycleId: string | null;
  unitId: string | undefined;
  rating: RatingValue | undefined;
  search: string;
}) {
  const client = useClient();
  const { cycleId, unitId, rating } = filters;
  const debounced = filters.search;
  const fetchPage = useCallback(
    async (after: string | null) => {
      if (!cycleId) return { page: { nodes: [], totalCount: 0, hasNextPage: false, endCursor: null } };
      const result = await client
        .query(
          ResultsQuery,
          {
            cycleId,
            first: pageSize,
            after,
            orderBy: 'SCORE_DESC',
            filter: { unitId: unitId ?? null, rating: rating ?? null, search: debounced || null },
          },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const results = result.data?.results;
      if (!results) return { error: result.error };
      return {
        page: {
          nodes: results.edges.map((edge) => readFragment(ResultFieldsOf, edge.node)),
          totalCount: results.totalCount,
          hasNextPage: results.pageInfo.hasNextPage,
          endCursor: results.pageInfo.endCursor ?? null,
        },
      };
    },
    [client, cycleId, unitId, rating, debounced],
  );
  const list = usePagedConnection<ResultRow>(
    `${cycleId}|${unitId ?? ''}|${rating ?? ''}|${debounced}`,
    fetchPage,
  );
  return list;
}
