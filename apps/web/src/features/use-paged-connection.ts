import { useCallback, useEffect, useRef, useState } from 'react';
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

type State<TNode> = {
  nodes: TNode[];
  totalCount: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
  loading: boolean;
  error: CombinedError | null;
};

const initial = {
  nodes: [],
  totalCount: null,
  hasNextPage: true,
  endCursor: null,
  loading: false,
  error: null,
};

/**
 * A cursor connection read page by page as the user scrolls. `resetKey` names the query (its filter):
 * when it changes, what was loaded is dropped and the first page is read again. Answers to an older
 * query are ignored, so fast typing never mixes results.
 */
export function usePagedConnection<TNode>(resetKey: string, fetchPage: PageFetch<TNode>) {
  const [state, setState] = useState<State<TNode>>(initial);
  const generation = useRef(0);
  const inFlight = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback(async (fresh: boolean) => {
    const current = stateRef.current;
    if (inFlight.current && !fresh) return;
    if (!fresh && !current.hasNextPage) return;
    const mine = fresh ? ++generation.current : generation.current;
    inFlight.current = true;
    setState((s) => (fresh ? { ...initial, loading: true } : { ...s, loading: true, error: null }));
    const { page, error } = await fetchRef.current(fresh ? null : current.endCursor);
    if (mine !== generation.current) return;
    inFlight.current = false;
    if (!page) {
      setState((s) => ({ ...s, loading: false, error: error ?? null }));
      return;
    }
    setState((s) => ({
      nodes: fresh ? page.nodes : [...s.nodes, ...page.nodes],
      totalCount: page.totalCount,
      hasNextPage: page.hasNextPage,
      endCursor: page.endCursor,
      loading: false,
      error: null,
    }));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is what restarts the list
  useEffect(() => {
    void load(true);
  }, [resetKey, load]);

  const loadMore = useCallback(() => void load(false), [load]);
  const reload = useCallback(() => void load(true), [load]);
  const updateNode = useCallback((match: (node: TNode) => boolean, update: (node: TNode) => TNode) => {
    setState((s) => ({ ...s, nodes: s.nodes.map((node) => (match(node) ? update(node) : node)) }));
  }, []);

  return { ...state, loadMore, reload, updateNode };
}
