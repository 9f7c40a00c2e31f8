// People's decisions on ratings (DOMAIN: the engine proposes, people decide). A final decision may
// differ from the engine's rating only with a written reason, never above a hard rule's ceiling
// (rules 3.1–3.3, 3.5), and never beyond the excellent quota of its group without a recorded
// exception (rule 3.4: "the quota binds final decisions too").
import { CITE, RULES } from './citations.ts';
import { RATING_LABELS, RATING_RANK } from './packs.ts';
import type { Prepared } from './prepare.ts';
import {
  allocateExcellent,
  allowedExcellent,
  isGoodOrBetter,
  type QuotaOutcome,
  quotaRuleOf,
  quotaText,
} from './quota.ts';
import type { Ceiling, PersonWork } from './rate-person.ts';
import { addTrace } from './trace.ts';
import { citeKey, REFUSED_DECISION } from './trace-texts.ts';
import type { DecisionOutcome, FinalRatingDecision, Rating } from './types.ts';

export type DecisionWork = PersonWork & { engineRating: Rating; decision: DecisionOutcome | null };

/** Why a rating cannot be chosen for a person under the hard rules, or null when it can. */
export function ceilingViolation(
  ceiling: Ceiling,
  wanted: Rating,
): { rule: string; citation: string; message: string } | null {
  if (ceiling.rating === 'NOT_RATED') {
    if (wanted === 'NOT_RATED') return null;
    return {
      rule: ceiling.rule ?? RULES.timeWorked,
      citation: ceiling.citation ?? CITE.timeWorked,
      message: `Không xếp loại được: ${ceiling.reason} / this person cannot be rated`,
    };
  }
  if (wanted === 'NOT_RATED') {
    return {
      rule: RULES.decisionRefused,
      citation: CITE.timeWorked,
      message:
        'Người đủ điều kiện đánh giá phải được xếp loại (không chọn "Chưa đánh giá") / a person who qualifies must be rated',
    };
  }
  if (RATING_RANK[wanted] > RATING_RANK[ceiling.rating]) {
    return {
      rule: ceiling.rule ?? RULES.decisionRefused,
      citation: ceiling.citation ?? CITE.nd335,
      message: `Cao nhất được xếp loại ${RATING_LABELS[ceiling.rating].vi}: ${ceiling.reason} / at most ${RATING_LABELS[ceiling.rating].en}`,
    };
  }
  return null;
}

/**
 * Applies the decisions in the order given (the order they were taken). Each is checked against
 * the person's ceiling, the need for a reason, and the quota of their group over the final ratings
 * as they stand after it: decided excellent ratings keep their places; the engine's own excellent
 * ratings (not decided by anyone) share what is left by the quota's order; a decision after which
 * the decided excellent ratings alone exceed the quota is refused, with the quota's trace. So no
 * sequence of decisions ever leaves a group above its quota without a recorded exception.
 * Returns the final quota of every group that had a decision.
 */
export function applyDecisions(
  prepared: Prepared,
  people: DecisionWork[],
  groups: Map<string, DecisionWork[]>,
  decisions: readonly FinalRatingDecision[],
): Map<string, QuotaOutcome> {
  const outcomes = new Map<string, QuotaOutcome>();
  if (decisions.length === 0) return outcomes;
  const byId = new Map(people.map((work) => [work.facts.person.id, work]));
  const decided = new Map<DecisionWork, Rating>();
  const touched = new Set<string>();

  for (const decision of decisions) {
    const work = byId.get(decision.personId);
    if (!work) continue;
    const groupId = work.facts.group;
    const reason = decision.reason?.trim() ?? '';
    const refuse = (rule: string, citation: string, message: string) => {
      work.decision = {
        rating: decision.rating,
        reason: reason || null,
        applied: false,
        rule,
        citation,
        message,
      };
    };
    const violation = ceilingViolation(work.ceiling, decision.rating);
    if (violation) {
      refuse(violation.rule, violation.citation, violation.message);
      continue;
    }
    if (decision.rating !== work.engineRating && reason.length === 0) {
      refuse(
        RULES.decisionRefused,
        CITE.decision,
        'Quyết định khác đề xuất của hệ thống phải nêu lý do / a decision that differs from the proposal needs a reason',
      );
      continue;
    }
    const before = decided.get(work);
    decided.set(work, decision.rating);
    const group = groups.get(groupId) ?? [];
    const rule = quotaRuleOf(prepared.params, groupId);
    const { eligible, allowed, decidedExcellent } = countGroup(prepared, groupId, group, decided);
    // a raise to excellent takes a free place only: the engine's own candidates (excellent after
    // the hard rules, not decided by anyone) keep theirs, "the highest keep it"; a decision after
    // which the decided excellent ratings alone exceed the quota is refused too
    const raise = decision.rating === 'EXCELLENT' && work.engineRating !== 'EXCELLENT';
    let engineCandidates = 0;
    if (raise) {
      for (const other of group)
        if (!decided.has(other) && other.ruled === 'EXCELLENT') engineCandidates += 1;
    }
    if (decidedExcellent + engineCandidates > allowed) {
      if (before === undefined) decided.delete(work);
      else decided.set(work, before);
      refuse(
        RULES.decisionQuota,
        rule.citation,
        `${quotaText(prepared, groupId, rule, eligible, allowed)}; ${
          raise
            ? 'không còn suất trống: hạ xếp loại của người khác trước hoặc cần quyết định ngoại lệ'
            : 'quyết định này làm số người xuất sắc đã được quyết định vượt tỷ lệ'
        } / the excellent quota of the group would be exceeded`,
      );
      continue;
    }
    work.decision = {
      rating: decision.rating,
      reason: reason || null,
      applied: true,
      rule: RULES.decision,
      citation: CITE.decision,
      message: '',
    };
    touched.add(groupId);
  }

  for (const work of people) {
    const outcome = work.decision;
    if (!outcome) continue;
    if (!outcome.applied) {
      addTrace(work.trace, outcome.rule, work.engineRating, [
        REFUSED_DECISION,
        outcome.rating,
        citeKey(outcome.citation),
        outcome.message.split(' / ')[0] as string,
      ]);
    }
  }

  // Settle every group that has an applied decision over the final ratings.
  for (const groupId of touched) {
    const group = groups.get(groupId) ?? [];
    const rule = quotaRuleOf(prepared.params, groupId);
    const { eligible, allowed, decidedExcellent } = countGroup(prepared, groupId, group, decided);
    const candidates: DecisionWork[] = [];
    for (const work of group) {
      const rating = decided.get(work);
      if (rating !== undefined) {
        work.rating = rating;
        continue;
      }
      // the engine's quota of this group is redone over the final ratings: drop its old lines
      work.trace = work.trace.filter((entry) => entry.rule !== RULES.quota && entry.rule !== RULES.quotaKept);
      if (work.ruled === 'EXCELLENT') candidates.push(work);
      else work.rating = work.ruled;
    }
    allocateExcellent(prepared, groupId, rule, candidates, allowed - decidedExcellent, { eligible, allowed });
    let granted = 0;
    for (const work of group) if (work.rating === 'EXCELLENT') granted += 1;
    outcomes.set(groupId, { eligible, allowed, granted });
  }

  for (const work of people) {
    const outcome = work.decision;
    if (!outcome?.applied) continue;
    const same = outcome.rating === work.engineRating;
    addTrace(
      work.trace,
      RULES.decision,
      outcome.rating,
      same ? [] : [work.engineRating, outcome.reason ?? ''],
    );
  }
  return outcomes;
}

function countGroup(
  prepared: Prepared,
  groupId: string,
  group: readonly DecisionWork[],
  decided: ReadonlyMap<DecisionWork, Rating>,
): { eligible: number; allowed: number; decidedExcellent: number } {
  let eligible = 0;
  let decidedExcellent = 0;
  for (const work of group) {
    const chosen = decided.get(work);
    if (isGoodOrBetter(chosen ?? work.ruled)) eligible += 1;
    if (chosen === 'EXCELLENT') decidedExcellent += 1;
  }
  const allowed = allowedExcellent(quotaRuleOf(prepared.params, groupId), eligible);
  return { eligible, allowed, decidedExcellent };
}
