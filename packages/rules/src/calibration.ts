// Calibration against "everyone is good" (DOMAIN.md §10): what the evidence says beside what people
// decided. Pure: results and the heads' assessments in, distributions and findings out. Nothing
// here changes a rating; councils and personnel officers read it before approval.
import { vn } from './citations.ts';
import { RATING_LABELS, RATING_RANK } from './packs.ts';
import { bandOf, round1 } from './rate-person.ts';
import { type Components, RATING_VALUES, type Rating } from './types.ts';

export const CALIBRATION_FINDING_KINDS = [
  'UNIFORM_ASSESSMENT',
  'ALL_GOOD_OR_BETTER_LOW_EVIDENCE',
  'LEADER_ABOVE_UNIT',
  'RAISED_AGAINST_PROPOSAL',
] as const;
export type CalibrationFindingKind = (typeof CALIBRATION_FINDING_KINDS)[number];

/** One person's stored result, as the calibration reads it. */
export type CalibrationPerson = {
  id: string;
  /** the unit the person was evaluated in */
  unitId: string;
  /** the unit the person heads, if any */
  leadsUnitId: string | null;
  score: number | null;
  components: Partial<Record<keyof Components, number | null>> | null;
  /** the engine's proposal after the hard rules and the quota */
  proposed: Rating;
  /** the current decision */
  final: Rating;
  finalReason: string | null;
  /** who made the current decision, when a person did */
  decidedBy: string | null;
};

/** A head's assessment A (0–10) of one person. */
export type CalibrationAssessment = {
  personId: string;
  /** the account that gave it; null when unknown (imported) — then grouped by the person's unit */
  assessorId: string | null;
  value: number;
};

/** Thresholds of the findings: all ours (DOMAIN.md §10 names the findings, not their numbers). */
export type CalibrationThresholds = {
  /** a head's assessments are judged uniform only over at least this many people (default 5, ours) */
  minAssessed: number;
  /** a unit's distribution is judged only over at least this many rated members (default 5, ours) */
  minUnitMembers: number;
  /** a leader is compared with a unit of at least this many rated members (default 3, ours) */
  minLedMembers: number;
  /**
   * a unit's evidence is low when its members' mean evidence score is under this (default 70, ours:
   * the law's "good" band applied to the task results alone)
   */
  lowEvidenceScore: number;
};

export const DEFAULT_CALIBRATION_THRESHOLDS: CalibrationThresholds = {
  minAssessed: 5,
  minUnitMembers: 5,
  minLedMembers: 3,
  lowEvidenceScore: 70,
};

/** The head's assessment scale (Nghị định 335/2025: each general criterion 0–10). */
export const MAXIMUM_ASSESSMENT = 10;

export type RatingCount = { rating: Rating; count: number };

export type CalibrationDistribution = {
  people: number;
  proposed: RatingCount[];
  final: RatingCount[];
  /** share of rated people (final) rated good or better, 0–100, one decimal; null with nobody rated */
  finalGoodOrBetterPercent: number | null;
  /** mean evidence score of the people who have one; null when none has */
  evidenceMean: number | null;
};

export type CalibrationUnit = CalibrationDistribution & { unitId: string };

export type CalibrationAssessor = CalibrationDistribution & {
  /** null when the assessments carry no account: then `unitId` names the group */
  assessorId: string | null;
  unitId: string | null;
  assessed: number;
  mean: number;
  min: number;
  max: number;
  distinctValues: number;
};

export type CalibrationFinding = {
  kind: CalibrationFindingKind;
  unitId: string | null;
  assessorId: string | null;
  personId: string | null;
  /** Vietnamese, for people */
  detail: string;
  detailEn: string;
  /** the figures behind the finding */
  evidence: Record<string, number | string | null>;
};

export type CalibrationPoint = {
  personId: string;
  unitId: string;
  evidenceScore: number | null;
  score: number | null;
  proposed: Rating;
  final: Rating;
};

export type Calibration = {
  overall: CalibrationDistribution;
  units: CalibrationUnit[];
  assessors: CalibrationAssessor[];
  findings: CalibrationFinding[];
  points: CalibrationPoint[];
  thresholds: CalibrationThresholds;
};

/**
 * What the evidence alone says of a person, 0–100: the task results component (of 70) as a
 * percentage. The general criteria are left out because conduct, and reform and citizens where
 * there is no dossier or vote, come from the head's own assessment A. Null when not scored
 * (the criteria pack, vn-nd90-2020, gives no points).
 */
export function evidenceScore(components: CalibrationPerson['components']): number | null {
  const tasks = components?.tasks;
  if (typeof tasks !== 'number' || !Number.isFinite(tasks)) return null;
  return round1((tasks / 70) * 100);
}

const goodOrBetter = (rating: Rating) => rating === 'EXCELLENT' || rating === 'GOOD';

function label(rating: Rating): { vi: string; en: string } {
  return RATING_LABELS[rating];
}

function distribution(people: readonly CalibrationPerson[]): CalibrationDistribution {
  const proposed = new Map<Rating, number>(RATING_VALUES.map((rating) => [rating, 0]));
  const final = new Map<Rating, number>(RATING_VALUES.map((rating) => [rating, 0]));
  let rated = 0;
  let good = 0;
  let evidenceSum = 0;
  let evidenceCount = 0;
  for (const person of people) {
    proposed.set(person.proposed, (proposed.get(person.proposed) ?? 0) + 1);
    final.set(person.final, (final.get(person.final) ?? 0) + 1);
    if (person.final !== 'NOT_RATED') {
      rated += 1;
      if (goodOrBetter(person.final)) good += 1;
    }
    const evidence = evidenceScore(person.components);
    if (evidence !== null) {
      evidenceSum += evidence;
      evidenceCount += 1;
    }
  }
  const counts = (map: Map<Rating, number>) =>
    RATING_VALUES.map((rating) => ({ rating, count: map.get(rating) ?? 0 }));
  return {
    people: people.length,
    proposed: counts(proposed),
    final: counts(final),
    finalGoodOrBetterPercent: rated === 0 ? null : round1((good / rated) * 100),
    evidenceMean: evidenceCount === 0 ? null : round1(evidenceSum / evidenceCount),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The rating a unit's results give: the band of its members' mean score, else their median final rating. */
function unitResultRating(members: readonly CalibrationPerson[]): { rating: Rating; basis: string } {
  const scores = members.map((member) => member.score);
  if (scores.every((score): score is number => typeof score === 'number')) {
    const mean = round1(scores.reduce((sum, score) => sum + score, 0) / scores.length);
    return { rating: bandOf(mean), basis: `mean score ${mean}` };
  }
  const ranked = members.map((member) => member.final).sort((a, b) => RATING_RANK[a] - RATING_RANK[b]);
  // the lower median: a unit is not lifted by its best half
  const median = ranked[Math.floor((ranked.length - 1) / 2)] as Rating;
  return { rating: median, basis: 'median final rating' };
}

function formatScore(value: number): string {
  return vn(round1(value));
}

/**
 * Distributions (overall, per unit, per head) of proposed and final ratings, and the findings:
 * - UNIFORM_ASSESSMENT: a head gave everyone they assessed the same A (at least `minAssessed` people);
 * - ALL_GOOD_OR_BETTER_LOW_EVIDENCE: every rated member of a unit is good or better while the
 *   unit's mean evidence score is under `lowEvidenceScore`;
 * - LEADER_ABOVE_UNIT: a leader's final rating is above the rating their unit's results give;
 * - RAISED_AGAINST_PROPOSAL: a final rating above the engine's proposal, with its reason.
 * Findings come in that order, then by unit and person id, so the output never depends on input order.
 */
export function calibrate(options: {
  people: readonly CalibrationPerson[];
  assessments: readonly CalibrationAssessment[];
  thresholds?: Partial<CalibrationThresholds>;
}): Calibration {
  const thresholds = { ...DEFAULT_CALIBRATION_THRESHOLDS, ...options.thresholds };
  const people = [...options.people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(people.map((person) => [person.id, person]));
  const byUnit = groupBy(people, (person) => person.unitId);
  const unitIds = [...byUnit.keys()].sort();
  const findings: CalibrationFinding[] = [];

  // per head: only assessments of people in the calibrated set
  const assessments = options.assessments.filter((row) => byId.has(row.personId));
  const groups = groupBy(assessments, (row) =>
    row.assessorId ? `a:${row.assessorId}` : `u:${byId.get(row.personId)?.unitId}`,
  );
  const assessors: CalibrationAssessor[] = [];
  for (const key of [...groups.keys()].sort()) {
    const rows = groups.get(key) as CalibrationAssessment[];
    const values = rows.map((row) => row.value);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const assessorId = rows[0]?.assessorId ?? null;
    const unitsOfGroup = [...new Set(rows.map((row) => byId.get(row.personId)?.unitId ?? ''))].sort();
    const unitId = unitsOfGroup.length === 1 ? (unitsOfGroup[0] ?? null) : null;
    const assessed = rows.map((row) => byId.get(row.personId) as CalibrationPerson);
    const entry: CalibrationAssessor = {
      assessorId,
      unitId,
      assessed: rows.length,
      mean: round1(values.reduce((sum, value) => sum + value, 0) / values.length),
      min,
      max,
      distinctValues: new Set(values).size,
      ...distribution(assessed),
    };
    assessors.push(entry);
    if (rows.length >= thresholds.minAssessed && min === max) {
      const atMaximum = max >= MAXIMUM_ASSESSMENT;
      findings.push({
        kind: 'UNIFORM_ASSESSMENT',
        unitId,
        assessorId,
        personId: null,
        detail: `Cùng một điểm đánh giá A = ${formatScore(max)}${atMaximum ? ' (tối đa)' : ''} cho cả ${rows.length} người được đánh giá: điểm tác phong, và cải cách, người dân khi không có minh chứng, không phân biệt ai.`,
        detailEn: `The same assessment A = ${round1(max)}${atMaximum ? ' (the maximum)' : ''} for all ${rows.length} people assessed: conduct, and reform and citizens where there is no evidence, tell no one apart.`,
        evidence: { assessed: rows.length, value: max, maximum: MAXIMUM_ASSESSMENT },
      });
    }
  }

  const units: CalibrationUnit[] = [];
  for (const unitId of unitIds) {
    const members = byUnit.get(unitId) as CalibrationPerson[];
    const unit: CalibrationUnit = { unitId, ...distribution(members) };
    units.push(unit);
    const rated = members.filter((member) => member.final !== 'NOT_RATED');
    if (
      rated.length >= thresholds.minUnitMembers &&
      rated.every((member) => goodOrBetter(member.final)) &&
      unit.evidenceMean !== null &&
      unit.evidenceMean < thresholds.lowEvidenceScore
    ) {
      findings.push({
        kind: 'ALL_GOOD_OR_BETTER_LOW_EVIDENCE',
        unitId,
        assessorId: null,
        personId: null,
        detail: `Cả ${rated.length} người được xếp loại từ hoàn thành tốt trở lên, trong khi điểm minh chứng (kết quả nhiệm vụ) bình quân chỉ ${formatScore(unit.evidenceMean)}/100 (dưới ${vn(thresholds.lowEvidenceScore)}).`,
        detailEn: `All ${rated.length} rated members are good or better while their mean evidence score (task results) is ${unit.evidenceMean}/100 (under ${thresholds.lowEvidenceScore}).`,
        evidence: {
          rated: rated.length,
          evidenceMean: unit.evidenceMean,
          threshold: thresholds.lowEvidenceScore,
        },
      });
    }
  }

  for (const leader of people) {
    if (!leader.leadsUnitId || leader.final === 'NOT_RATED') continue;
    const members = (byUnit.get(leader.leadsUnitId) ?? []).filter(
      (member) => member.id !== leader.id && member.final !== 'NOT_RATED',
    );
    if (members.length < thresholds.minLedMembers) continue;
    const unitResult = unitResultRating(members);
    if (RATING_RANK[leader.final] <= RATING_RANK[unitResult.rating]) continue;
    findings.push({
      kind: 'LEADER_ABOVE_UNIT',
      unitId: leader.leadsUnitId,
      assessorId: null,
      personId: leader.id,
      detail: `Người đứng đầu được xếp loại "${label(leader.final).vi}" trong khi kết quả của ${members.length} người trong đơn vị chỉ ở mức "${label(unitResult.rating).vi}".`,
      detailEn: `The head is rated "${label(leader.final).en}" while the results of the ${members.length} members of the unit only reach "${label(unitResult.rating).en}" (${unitResult.basis}).`,
      evidence: {
        leaderRating: leader.final,
        unitRating: unitResult.rating,
        members: members.length,
        basis: unitResult.basis,
      },
    });
  }

  for (const person of people) {
    if (RATING_RANK[person.final] <= RATING_RANK[person.proposed]) continue;
    const reason = person.finalReason?.trim() || null;
    findings.push({
      kind: 'RAISED_AGAINST_PROPOSAL',
      unitId: person.unitId,
      assessorId: person.decidedBy,
      personId: person.id,
      detail: `Nâng từ "${label(person.proposed).vi}" (đề xuất) lên "${label(person.final).vi}". Lý do: ${reason ?? '(không ghi)'}`,
      detailEn: `Raised from "${label(person.proposed).en}" (proposed) to "${label(person.final).en}". Reason: ${reason ?? '(none given)'}`,
      evidence: {
        proposed: person.proposed,
        final: person.final,
        reason,
        evidenceScore: evidenceScore(person.components),
      },
    });
  }

  const order = new Map(CALIBRATION_FINDING_KINDS.map((kind, index) => [kind, index]));
  findings.sort(
    (a, b) =>
      (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0) ||
      compare(a.unitId, b.unitId) ||
      compare(a.personId, b.personId) ||
      compare(a.assessorId, b.assessorId),
  );

  return {
    overall: distribution(people),
    units,
    assessors,
    findings,
    points: people.map((person) => ({
      personId: person.id,
      unitId: person.unitId,
      evidenceScore: evidenceScore(person.components),
      score: person.score,
      proposed: person.proposed,
      final: person.final,
    })),
    thresholds,
  };
}

function compare(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
