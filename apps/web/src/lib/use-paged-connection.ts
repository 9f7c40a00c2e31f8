import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { CombinedError } from 'urql';

export type Page<TNode> = {
  nodes: TNode[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
};

export type PageFetch<TNode> = (
  after: string | null,
) => Promise<{ page?: Page<TNode>; error?: CombinedError }>;

/**
 * A cursor connection read page by page as the user scrolls — TanStack Query's useInfiniteQuery.
 * `resetKey` names the query (its filter): when it changes, the first page of the new query is
 * read, and answers to an older query never mix in (each key has its own pages).
 */
export function usePagedConnection<TNode>(resetKey: string, fetchPage: PageFetch<TNode>) {
  const queryClient = useQueryClient();
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const queryKey = useMemo(() => ['paged-connection', resetKey] as const, [resetKey]);
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const { page, error } = await fetchRef.current(pageParam);
      if (!page) throw error ?? new Error('no page');
      return page;
    },
    getNextPageParam: (last) => (last.hasNextPage ? last.endCursor : undefined),
    // a list is read afresh whenever it is shown again; other filters' pages are not kept
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const { data, fetchNextPage, hasNextPage } = query;
  const nodes = useMemo(() => data?.pages.flatMap((page) => page.nodes) ?? [], [data]);

  // while a page is in flight, more scrolling asks for nothing more (cancelRefetch: false)
  const loadMore = useCallback(() => {
    if (hasNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [fetchNextPage, hasNextPage]);
  const reload = useCallback(
    () => void queryClient.resetQueries({ queryKey, exact: true }),
    [queryClient, queryKey],
  );
  const updateNode = useCallback(
    (match: (node: TNode) => boolean, update: (node: TNode) => TNode) => {
      queryClient.setQueryData<InfiniteData<Page<TNode>, string | null>>(queryKey, (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((page) => ({
                ...page,
                nodes: page.nodes.map((node) => (match(node) ? update(node) : node)),
              })),
            }
          : old,
      );
    },
    [queryClient, queryKey],
  );

  return {
    nodes,
    totalCount: data?.pages.at(-1)?.totalCount ?? null,
    hasNextPage: data ? hasNextPage : true,
    loading: query.isFetching,
    error: (query.error as CombinedError | null) ?? null,
    loadMore,
    reload,
    updateNode,
  };
}
