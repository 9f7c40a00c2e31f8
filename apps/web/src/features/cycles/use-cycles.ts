import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const CyclesQuery = graphql(`
  query CyclesList {
    cycles {
      id
      year
      name
      status
      readOnly
      version
      appealDays
      publishedAt
      pack {
        id
        name
      }
      scopeUnit {
        id
        name
      }
      deadlines {
        stage
        dueOn
        ownerRole
      }
      latestRun {
        id
        status
        total
        processed
        message
        finishedAt
      }
    }
  }
`);

export type CycleRow = ResultOf<typeof CyclesQuery>['cycles'][number];
export type CycleStatus = CycleRow['status'];

export const cycleStatuses: readonly CycleStatus[] = [
  'DRAFT',
  'OPEN',
  'ASSESSMENT',
  'REVIEW',
  'APPROVED',
  'PUBLISHED',
  'ARCHIVED',
];

const storageKey = 'cadre.cycle';

/** The cycles in the caller's scope and the one the user is looking at (remembered across pages). */
export function useCycles() {
  const [result, reexecute] = useQuery({ query: CyclesQuery });
  const cycles = useMemo(() => result.data?.cycles ?? [], [result.data]);
  const [selectedId, setSelectedId] = useState<string | null>(() => {
    try {
      return sessionStorage.getItem(storageKey);
    } catch {
      return null;
    }
  });
  const selected = cycles.find((cycle) => cycle.id === selectedId) ?? cycles[0] ?? null;
  useEffect(() => {
    if (!selected) return;
    try {
      sessionStorage.setItem(storageKey, selected.id);
    } catch {
      // not remembered: fine
    }
  }, [selected]);
  return {
    cycles,
    selected,
    select: setSelectedId,
    fetching: result.fetching,
    error: result.error,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** Days from today to a due date (negative: overdue). */
export function daysUntil(dueOn: string, today = new Date()): number {
  const [y, m, d] = dueOn.split('-').map(Number);
  const due = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((due - now) / 86_400_000);
}
