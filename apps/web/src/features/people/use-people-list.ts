import { useCallback } from 'react';
import { useClient } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { usePagedConnection } from '../../lib/use-paged-connection.ts';

const PeopleQuery = graphql(`
  query PeoplePage($first: Int, $after: String, $filter: PeopleFilter) {
    people(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          code
          fullName
          category
          positionTitle
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type PersonRow = ResultOf<typeof PeopleQuery>['people']['edges'][number]['node'];

const pageSize = 100;

/** The people found by the search (without diacritics) in the unit, read page by page. */
export function usePeopleList({ search, unitId }: { search: string; unitId: string | undefined }) {
  const client = useClient();
  const debouncedSearch = search;
  const unit = unitId;
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          PeopleQuery,
          { first: pageSize, after, filter: { search: debouncedSearch || null, unitId: unit ?? null } },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const people = result.data?.people;
      if (!people) return { error: result.error };
      return {
        page: {
          nodes: people.edges.map((edge) => edge.node),
          totalCount: people.totalCount,
          hasNextPage: people.pageInfo.hasNextPage,
          endCursor: people.pageInfo.endCursor ?? null,
        },
      };
    },
    [client, debouncedSearch, unit],
  );
  const list = usePagedConnection<PersonRow>(`${debouncedSearch}|${unit ?? ''}`, fetchPage);
  return list;
}

export type PeopleList = ReturnType<typeof usePeopleList>;
