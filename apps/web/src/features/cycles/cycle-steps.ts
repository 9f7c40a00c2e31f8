import { type CycleStatus, cycleStatuses } from './use-cycles.ts';

export function nextStatus(status: CycleStatus): CycleStatus | null {
  if (status === 'PUBLISHED' || status === 'ARCHIVED') return status === 'PUBLISHED' ? 'ARCHIVED' : null;
  return cycleStatuses[cycleStatuses.indexOf(status) + 1] ?? null;
}

export function earlierStatuses(status: CycleStatus): CycleStatus[] {
  if (status === 'PUBLISHED' || status === 'ARCHIVED') return [];
  return cycleStatuses.slice(0, cycleStatuses.indexOf(status));
}
