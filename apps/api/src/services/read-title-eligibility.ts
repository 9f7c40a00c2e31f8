import type { Prisma, TitleKind } from '@cadre/db';
import type { TraceEntry } from '../rules/scenario.ts';

// Eligibility for a title is what the rules engine stored for the person (EvaluationResult.titles
// and trace) or the unit (UnitResult.collectiveTitles, blockRank). This file only reads it.

export const ballotTitles: TitleKind[] = ['CSTD_TINH', 'CSTD_TOAN_QUOC'];
export const commendationTitles: TitleKind[] = ['GIAY_KHEN', 'BANG_KHEN'];
export const collectiveTitles: TitleKind[] = ['TAP_THE_LDTT', 'TAP_THE_LDXS', 'CO_THI_DUA'];

export type TitleEligibility = {
  eligible: boolean;
  /** the engine's trace entries about this title */
  trace: TraceEntry[];
  /** when not eligible: the condition that failed */
  failed: TraceEntry | null;
};

export function readTrace(value: Prisma.JsonValue): TraceEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return [];
    const text = (key: string) => {
      const inner = (entry as Record<string, unknown>)[key];
      return inner === undefined || inner === null ? '' : String(inner);
    };
    return [
      { rule: text('rule'), citation: text('citation'), effect: text('effect'), detail: text('detail') },
    ];
  });
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Trace entries that speak of the title (its code in the rule or the effect). */
function traceFor(trace: TraceEntry[], title: TitleKind): TraceEntry[] {
  const code = squash(title);
  return trace.filter((entry) => {
    const rule = squash(entry.rule);
    const effect = squash(entry.effect);
    // LDTT must not match TAP_THE_LDTT entries for an individual, and the reverse
    const mentions = (text: string) =>
      text.includes(code) && (code.startsWith('tapthe') || !text.includes('tapthe'));
    return mentions(rule) || mentions(effect);
  });
}

const mentionsBallot = (entry: TraceEntry) =>
  /ballot|bo phieu|bỏ phiếu|phieu kin|phiếu kín/i.test(`${entry.rule} ${entry.detail} ${entry.effect}`);

/**
 * An individual title: eligible when the engine granted it. A title that needs the council's
 * ballot is eligible for proposal when the only conditions the engine found unmet concern the ballot.
 */
export function readPersonTitleEligibility(
  result: { titles: string[]; trace: Prisma.JsonValue },
  title: TitleKind,
): TitleEligibility {
  const trace = traceFor(readTrace(result.trace), title);
  if (result.titles.includes(title)) return { eligible: true, trace, failed: null };
  if (ballotTitles.includes(title) && trace.length > 0 && trace.some(mentionsBallot)) {
    const unmet = trace.filter(
      (entry) => !mentionsBallot(entry) && /refus|not|khong|không|fail/i.test(entry.effect),
    );
    if (unmet.length === 0) return { eligible: true, trace, failed: null };
    return { eligible: false, trace, failed: unmet[0] ?? null };
  }
  return { eligible: false, trace, failed: trace[trace.length - 1] ?? null };
}

/** A collective title: the unit's collective titles (its highest only: LĐXS implies LĐTT), or first in its block. */
export function readUnitTitleEligibility(
  unitResult: { collectiveTitles: string[]; blockRank: number | null; trace: Prisma.JsonValue } | null,
  title: TitleKind,
): TitleEligibility {
  if (!unitResult) return { eligible: false, trace: [], failed: null };
  const trace = traceFor(readTrace(unitResult.trace), title);
  const titles = new Set(unitResult.collectiveTitles);
  if (titles.has('TAP_THE_LDXS')) titles.add('TAP_THE_LDTT');
  const eligible = title === 'CO_THI_DUA' ? unitResult.blockRank === 1 : titles.has(title);
  return { eligible, trace, failed: eligible ? null : (trace[trace.length - 1] ?? null) };
}
