import type { Prisma, TitleKind } from '@cadre/db';
import { TITLE_VALUES } from '@cadre/rules';
import type { PersonEvaluation, TraceEntry } from '../../../rules/scenario.ts';

// Eligibility for a title is what the rules engine says: for a person its structured
// `titleEligibility` (status, rule, reasons), for a unit its collective titles and block rank.
// Nothing here reads the trace's text.

export const commendationTitles: TitleKind[] = ['GIAY_KHEN', 'BANG_KHEN'];
export const collectiveTitles: TitleKind[] = ['TAP_THE_LDTT', 'TAP_THE_LDXS', 'CO_THI_DUA'];

/**
 * Whether the engine judges this title for this kind of nominee: the individual titles it assesses
 * (its TITLE_VALUES: LĐTT, CSTĐCS, CSTĐ tỉnh/toàn quốc, Bằng khen) and, for a unit, the collective
 * titles and the block ranking. Giấy khen (and a unit's Giấy khen or Bằng khen) has no mandatory
 * criterion in the engine: it stands on the proposer's reason.
 */
export function titleHasRule(title: TitleKind, nominee: 'person' | 'unit'): boolean {
  return nominee === 'person'
    ? (TITLE_VALUES as readonly string[]).includes(title)
    : collectiveTitles.includes(title);
}

export type TitleEligibility = {
  eligible: boolean;
  /** the engine's trace entries about this title (by rule id) */
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

/**
 * An individual title from the engine's evaluation of the person: eligible for proposal when the
 * engine grants it, or when only the council's secret ballot is missing (ELIGIBLE).
 */
export function readPersonTitleEligibility(
  result: Pick<PersonEvaluation, 'titleEligibility' | 'trace'> | undefined,
  title: TitleKind,
): TitleEligibility {
  const entry = result?.titleEligibility.find((item) => item.title === title);
  if (!result || !entry) return { eligible: false, trace: [], failed: null };
  const trace = result.trace
    .filter((line) => line.rule === entry.rule)
    .map((line) => ({ rule: line.rule, citation: line.citation, effect: line.effect, detail: line.detail }));
  if (entry.status !== 'NOT_ELIGIBLE') return { eligible: true, trace, failed: null };
  const failed: TraceEntry = {
    rule: entry.rule,
    citation: entry.citation,
    effect: `-${title}`,
    detail: entry.reasons.join('; '),
  };
  return { eligible: false, trace: trace.length > 0 ? trace : [failed], failed };
}

/** A collective title: the unit's collective titles (its highest only: LĐXS implies LĐTT), or first in its block. */
export function readUnitTitleEligibility(
  unitResult: { collectiveTitles: string[]; blockRank: number | null; trace: Prisma.JsonValue } | null,
  title: TitleKind,
): TitleEligibility {
  if (!unitResult) return { eligible: false, trace: [], failed: null };
  const titles = new Set(unitResult.collectiveTitles);
  if (titles.has('TAP_THE_LDXS')) titles.add('TAP_THE_LDTT');
  const eligible = title === 'CO_THI_DUA' ? unitResult.blockRank === 1 : titles.has(title);
  const trace = readTrace(unitResult.trace);
  return { eligible, trace, failed: eligible ? null : (trace[trace.length - 1] ?? null) };
}
