import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { useUnits } from '../units/unit-tree-select.tsx';
import type { RatingBucket } from './rating-chart.tsx';
import { RatingCountsQuery, toRatingCounts } from './rating-counts.ts';

const maxUnitsInChart = 16;

/** The ratings of each unit directly under the cycle's agency, counted on the server. */
export function useRatingDistribution(cycle: CycleRow | null) {
  const client = useClient();
  const { units } = useUnits();
  const [state, setState] = useState<{
    rows: RatingBucket[];
    loading: boolean;
    error: string | null;
    more: number;
  }>({
    rows: [],
    loading: false,
    error: null,
    more: 0,
  });
  const cycleId = cycle?.id;
  const scopeId = cycle?.scopeUnit.id;
  useEffect(() => {
    if (!cycleId || !scopeId || units.length === 0) return;
    let cancelled = false;
    const children = units.filter((unit) => unit.parent?.id === scopeId);
    const chosen = (children.length > 0 ? children : units.filter((unit) => unit.id === scopeId)).slice(
      0,
      maxUnitsInChart,
    );
    setState((s) => ({ ...s, loading: true, error: null }));
    void Promise.all(
      chosen.map(async (unit) => {
        const result = await client.query(RatingCountsQuery, { cycleId, unitId: unit.id }).toPromise();
        if (!result.data) throw new Error(result.error?.message ?? 'no data');
        return { name: unit.name, ...toRatingCounts(result.data) };
      }),
    )
      .then((rows) => {
        if (!cancelled)
          setState({
            rows,
            loading: false,
            error: null,
            more: Math.max(0, children.length - maxUnitsInChart),
          });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ rows: [], loading: false, error: String(error), more: 0 });
      });
    return () => {
      cancelled = true;
    };
  }, [client, cycleId, scopeId, units]);
  return state;
}
