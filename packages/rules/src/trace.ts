// The trace lines of an evaluation: compact entries { rule, effect, params } whose citation and
// sentence (trace-texts.ts) are written only when read.
import { citationOf, detailOf } from './trace-texts.ts';
import type { TraceEntry, TraceLine, TraceParam } from './types.ts';

/** One trace entry; `citation` and `detail` are written from the rule and params when read. */
export class TraceStep implements TraceLine {
  constructor(
    readonly rule: string,
    readonly effect: string,
    readonly params: readonly TraceParam[],
  ) {
    Object.freeze(params);
    Object.freeze(this);
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

/** Adds an entry to a trace (one not worth sharing: rare, or naming the person). */
export function addTrace(
  trace: TraceLine[],
  rule: string,
  effect: string,
  params: readonly TraceParam[],
): void {
  trace.push(new TraceStep(rule, effect, params));
}

/**
 * The trace lines of one evaluation, each distinct line kept once as a frozen entry that every
 * person it applies to shares: a province has 100,000 "score.tasks" lines and under a hundred
 * distinct ones, and every entry kept is memory the garbage collector copies and marks.
 */
export class SharedTrace {
  private readonly byKey = new Map<string, TraceLine>();

  /** Adds the entry to the trace, or the equal entry already kept. */
  add(trace: TraceLine[], rule: string, effect: string, params: readonly TraceParam[]): void {
    trace.push(
      this.keyed(`${rule}|${effect}|${JSON.stringify(params)}`, () => new TraceStep(rule, effect, params)),
    );
  }

  /**
   * The entry kept under a short key naming its rule and every value of its params: the entry is
   * made only the first time the key is met.
   */
  keyed(key: string, make: () => TraceLine): TraceLine {
    let kept = this.byKey.get(key);
    if (kept === undefined) {
      kept = make();
      this.byKey.set(key, kept);
    }
    return kept;
  }
}
