// Task results (the 70 points of Nghị định 335/2025/NĐ-CP) and the task criteria of Nghị định 90/2020.
import type { ScenarioTask } from './types.ts';

export type TaskOutcome = {
  /** q × (f + t) / 2, between 0 and 1 */
  score: number;
  /** delays counted against the person (none when excused; a late finish with none recorded counts one) */
  unexcusedDelays: number;
  /** Nghị định 90/2020: done within the year, to plan, on time and without a major error */
  met: boolean;
  /** actual above planned */
  exceeded: boolean;
};

/**
 * Nghị định 335/2025/NĐ-CP: a major error takes 25% of the task's quality points, a delay 25% of its
 * timeliness points, unless the cause was objective and confirmed (excused).
 * Our default split: quantity q = min(actual/planned, 1); quality f = max(0, 1 − 0.25 × errors);
 * timeliness t = 1 when done by the due date, max(0, 1 − 0.25 × delays) when done late (a late finish
 * with no delay recorded counts one), 0 when still open at the year's end (a completion dated after
 * 31 December is open at the year's end). Score = q × (f + t) / 2: no credit for quality or timeliness
 * of work not delivered. A task planned at 0 counts as fully delivered.
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
    score: (quantity * (quality + timeliness)) / 2,
    unexcusedDelays,
    met: !open && quantity >= 1 && quality === 1 && timeliness === 1,
    exceeded: task.actual > task.planned,
  };
}

export type TaskSummary = {
  /** weighted mean of task scores, 0–1; null when there is nothing to weigh */
  mean: number | null;
  count: number;
  unexcusedDelays: number;
  /** share of tasks (by count) met on time and to quality, 0–1 */
  metShare: number;
  exceededShare: number;
};

export function summariseTasks(outcomes: { outcome: TaskOutcome; weight: number }[]): TaskSummary {
  let weighted = 0;
  let weights = 0;
  let delays = 0;
  let met = 0;
  let exceeded = 0;
  for (const { outcome, weight } of outcomes) {
    weighted += weight * outcome.score;
    weights += weight;
    delays += outcome.unexcusedDelays;
    if (outcome.met) met += 1;
    if (outcome.exceeded) exceeded += 1;
  }
  const count = outcomes.length;
  return {
    mean: weights > 0 ? weighted / weights : null,
    count,
    unexcusedDelays: delays,
    metShare: count > 0 ? met / count : 0,
    exceededShare: count > 0 ? exceeded / count : 0,
  };
}
