// The results of the periods a person is scored in (Nghị định 335/2025/NĐ-CP Điều 14, 21) and
// their trace lines, kept once per distinct result for the whole evaluation.
import { RULES } from './citations.ts';
import { citationOf, detailOf } from './trace-texts.ts';
import type { PeriodKind, PeriodResult, TraceEntry, TraceLine, TraceParam } from './types.ts';

/**
 * The trace line of one period ("Tháng 3/2026: 81,3 điểm (nhiệm vụ 52,5; …)"). A province has
 * 1.2 million of them: its params [kind, year, period, score, tasks, conduct, reform, citizens]
 * and its sentence are made when read or serialised (JSON.stringify calls toJSON), from the
 * period's result the output holds anyway.
 */
export class PeriodTraceEntry implements TraceLine {
  readonly rule = RULES.period;
  constructor(
    private readonly kind: PeriodKind,
    private readonly year: number,
    readonly result: PeriodResult,
  ) {
    Object.freeze(this);
  }
  get effect(): string {
    return String(this.result.score);
  }
  get params(): readonly TraceParam[] {
    const { components, score, period } = this.result;
    return [
      this.kind,
      this.year,
      period,
      score,
      components.tasks,
      components.conduct,
      components.reform,
      components.citizens,
    ];
  }
  get citation(): string {
    return citationOf(this.rule, this.effect, this.params);
  }
  get detail(): string {
    return detailOf(this.rule, this.effect, this.params);
  }
  toJSON(): TraceEntry {
    return { rule: this.rule, citation: this.citation, effect: this.effect, detail: this.detail };
  }
}

/**
 * The period results of one evaluation: each distinct result (period, score and the four
 * components, all rounded to one decimal) is one frozen object, with its trace line, shared by
 * everyone scored the same in that period. A province has 1.2 million period results and under
 * 200,000 distinct ones; each object kept is memory the garbage collector copies and marks.
 */
export class PeriodResults {
  /** by period and score (index period × 1001 + score in tenths), then by the components' key */
  private readonly known: (Map<number, PeriodTraceEntry> | undefined)[] = Array.from(
    { length: 13 * 1001 },
    () => undefined,
  );

  constructor(
    private readonly kind: PeriodKind,
    private readonly year: number,
  ) {}

  /** The result with these figures (already rounded to one decimal), as the period's trace line. */
  line(
    period: number,
    score: number,
    tasks: number,
    conduct: number,
    reform: number,
    citizens: number,
  ): PeriodTraceEntry {
    const scoreTenths = tenths(score, 1000);
    const key = componentsKey(tasks, conduct, reform, citizens);
    const shared = Number.isInteger(period) && period >= 1 && period <= 12 && scoreTenths >= 0 && key >= 0;
    const slot = period * 1001 + scoreTenths;
    const known = shared ? this.known[slot]?.get(key) : undefined;
    if (known !== undefined) return known;
    const components = Object.freeze({ tasks, conduct, reform, citizens });
    const line = new PeriodTraceEntry(this.kind, this.year, Object.freeze({ period, score, components }));
    if (shared) {
      let byComponents = this.known[slot];
      if (byComponents === undefined) {
        byComponents = new Map();
        this.known[slot] = byComponents;
      }
      byComponents.set(key, line);
    }
    return line;
  }
}

/** Tenths of a figure rounded to one decimal, or −1 when it is not one, or outside 0…max tenths. */
function tenths(value: number, max: number): number {
  const count = Math.round(value * 10);
  return count >= 0 && count <= max && count / 10 === value ? count : -1;
}

/**
 * One whole number for the components of a period result, in tenths: tasks (0–70), conduct,
 * reform and citizens (0–10), under 2^30 (a small integer for V8's maps). Figures rounded to one
 * decimal are k ÷ 10 for a whole k, and k ÷ 10 × 10 rounds back to k, so equal keys mean equal
 * figures. −1 (not shared) for a figure not so rounded or outside those ranges.
 */
function componentsKey(tasks: number, conduct: number, reform: number, citizens: number): number {
  const t = tenths(tasks, 700);
  const c = tenths(conduct, 100);
  const r = tenths(reform, 100);
  const z = tenths(citizens, 100);
  if (t < 0 || c < 0 || r < 0 || z < 0) return -1;
  return t + 701 * (c + 101 * (r + 101 * z));
}
