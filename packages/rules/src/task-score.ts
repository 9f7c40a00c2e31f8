// Task results (the 70 points of Nghị định 335/2025/NĐ-CP) and the task criteria of Nghị định 90/2020.
import type { ScenarioTask } from './types.ts';

export type TaskOutcome = {
  /** q × (1 + f + t) / 3, between 0 and 1: the task's share of T = (Q + L + S) / 3 */
  score: number;
  /** delays counted against the person (none when excused; a late finish with none recorded counts one) */
  unexcusedDelays: number;
  /** Nghị định 90/2020: done within the year, to plan, on time and without a major error */
  met: boolean;
  /** actual above planned */
  exceeded: boolean;
};

/**
 * Nghị định 335/2025/NĐ-CP Điều 14 (DOMAIN.md §2): over the tasks of a period, with w the converted
 * weight, q = min(actual ÷ planned, 1), f = max(0, 1 − 0.25 × failed quality reviews) and t = 1 when
 * done by the due date, max(0, 1 − 0.25 × delays) when done late (a late finish with no delay
 * recorded counts one), 0 when still open at the year's end (a completion dated after 31 December
 * is open at the year's end); excused work counts no failed reviews and no delays.
 * Q = Σ w·q ÷ Σ w, L = Σ w·q·f ÷ Σ w, S = Σ w·q·t ÷ Σ w and T = (Q + L + S) ÷ 3, so each task adds
 * w × q × (1 + f + t) ÷ 3 to the numerator. A task planned at 0 counts as fully delivered (q = 1):
 * DOMAIN.md is silent; nothing was asked, so nothing is missing.
 */
export function scoreTask(
  task: ScenarioTask,
  dueDay: number,
  completedDay: number | null,
  yearEnd: number,
): TaskOutcome {
  const quantity = task.planned > 0 ? Math.min(task.actual / task.planned, 1) : 1;
  const errors = task.excused ? 0 : task.majorErrors;
  const quality = Math.max(0, 1 - 0.25 * errors);
  const open = completedDay === null || completedDay > yearEnd;
  let timeliness: number;
  let unexcusedDelays: number;
  if (open) {
    timeliness = 0;
    unexcusedDelays = task.excused ? 0 : task.delays;
  } else if (completedDay <= dueDay) {
    timeliness = 1;
    unexcusedDelays = task.excused ? 0 : task.delays;
  } else {
    unexcusedDelays = task.excused ? 0 : Math.max(task.delays, 1);
    timeliness = Math.max(0, 1 - 0.25 * unexcusedDelays);
  }
  return {
    score: (quantity * (1 + quality + timeliness)) / 3,
    unexcusedDelays,
    met: !open && quantity >= 1 && quality === 1 && timeliness === 1,
    exceeded: task.actual > task.planned,
  };
}

/** Running totals of a person's tasks, filled one task at a time (no per-task objects kept). */
export type TaskTotals = {
  weighted: number;
  weights: number;
  count: number;
  unexcusedDelays: number;
  met: number;
  exceeded: number;
};

export function emptyTotals(): TaskTotals {
  return { weighted: 0, weights: 0, count: 0, unexcusedDelays: 0, met: 0, exceeded: 0 };
}

export function addTask(totals: TaskTotals, outcome: TaskOutcome, weight: number): void {
  totals.weighted += weight * outcome.score;
  totals.weights += weight;
  totals.count += 1;
  totals.unexcusedDelays += outcome.unexcusedDelays;
  if (outcome.met) totals.met += 1;
  if (outcome.exceeded) totals.exceeded += 1;
}

/** Weighted mean of task scores, 0–1; null when there is nothing to weigh (no tasks, or all weigh 0). */
export function meanTaskScore(totals: TaskTotals): number | null {
  return totals.weights > 0 ? totals.weighted / totals.weights : null;
}
