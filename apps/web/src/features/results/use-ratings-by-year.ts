import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { CycleRow } from '../cycles/use-cycles.ts';
import type { RatingBucket } from './rating-chart.tsx';
import { RatingCountsQuery, toRatingCounts } from './rating-counts.ts';

/** The same counts for the whole scope, one bar per cycle (year). */
export function useRatingsByYear(cycles: readonly CycleRow[]) {
  const client = useClient();
  const [rows, setRows] = useState<RatingBucket[]>([]);
  const ids = cycles.map((cycle) => cycle.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids say when the cycles changed
  useEffect(() => {
    let cancelled = false;
    const withRuns = cycles.filter((cycle) => cycle.latestRun).slice(0, 6);
    void Promise.all(
      withRuns.map(async (cycle) => {
        const result = await client.query(RatingCountsQuery, { cycleId: cycle.id, unitId: null }).toPromise();
        return result.data ? { name: String(cycle.year), ...toRatingCounts(result.data) } : null;
      }),
    ).then((all) => {
      if (!cancelled) setRows(all.filter((row): row is RatingBucket => row !== null).reverse());
    });
    return () => {
      cancelled = true;
    };
  }, [client, ids]);
  return rows;
}
