// The proposal for one person (score and band, or criteria) and the hard rules 3.1–3.3 and 3.5.
import { CITE, vn } from './citations.ts';
import { formatDay } from './dates.ts';
import { atMost, RATING_LABELS } from './packs.ts';
import type { PersonFacts, Prepared } from './prepare.ts';
import { meanTaskScore, type TaskTotals } from './task-score.ts';
import type { Components, Rating, TraceEntry } from './types.ts';

export type PersonWork = {
  facts: PersonFacts;
  score: number | null;
  components: Components | null;
  proposed: Rating;
  rating: Rating;
  /** the person's own weighted task score, 0–1 (null when not scored) */
  ownTaskScore: number | null;
  unexcusedDelays: number;
  /** citizens' satisfied share 0–1, or null without votes */
  citizenShare: number | null;
  trace: TraceEntry[];
  error: string | null;
  /** for leaders: the weighted task score of the unit they lead (leader excluded), 0–1 */
  unitTaskScore: number | null;
};

export function round1(value: number): number {
  return Math.round(value * 10 + 1e-9 * Math.sign(value)) / 10;
}

/** Bands of Nghị định 335/2025/NĐ-CP, applied to the score rounded to one decimal. */
export function bandOf(score: number): Rating {
  if (score >= 90) return 'EXCELLENT';
  if (score >= 70) return 'GOOD';
  if (score >= 50) return 'COMPLETED';
  return 'NOT_COMPLETED';
}

/**
 * Rates every person, leaders after the people of the unit they lead (their rating depends on
 * their subordinates'). Returns work items in input order.
 *
 * Leaders who lead one another's units (A sits in the unit B leads and B in the unit A leads, or
 * two co-heads of one unit) form a loop with no first member. Inside such a loop each leader sees
 * the others as plain members: rated on their own tasks, without their own unit half or rule 3.5.
 * Everyone outside a loop sees final ratings. So the result never depends on the input order.
 */
export function ratePeople(prepared: Prepared): PersonWork[] {
  const loops = leaderLoops(prepared);
  const done = new Map<PersonFacts, PersonWork>();
  const asMembers = new Map<PersonFacts, PersonWork>();
  const visiting = new Set<PersonFacts>();
  const resolve = (facts: PersonFacts, leader: PersonFacts | null): PersonWork | null => {
    const loop = loops.get(facts);
    if (leader !== null && loop !== undefined && loop === loops.get(leader)) {
      let plain = asMembers.get(facts);
      if (!plain) {
        plain = ratePerson(prepared, facts, resolve, true);
        asMembers.set(facts, plain);
      }
      return plain;
    }
    const known = done.get(facts);
    if (known) return known;
    if (visiting.has(facts)) return null; // unreachable: loops are handled above
    visiting.add(facts);
    const work = ratePerson(prepared, facts, resolve, false);
    visiting.delete(facts);
    done.set(facts, work);
    return work;
  };
  return prepared.facts.map((facts) => resolve(facts, null) as PersonWork);
}

/**
 * Leaders on a loop of "leads the unit of": an edge goes from a leader to every other leader whose
 * unit is the unit they lead. Returns, for each leader on a loop, the loop's number (Tarjan's
 * strongly connected components, iterative so a long chain of units cannot overflow the stack).
 */
function leaderLoops(prepared: Prepared): Map<PersonFacts, number> {
  const next = (facts: PersonFacts): PersonFacts[] => {
    const unitId = facts.person.leads;
    if (unitId === null) return [];
    return (prepared.members.get(unitId) ?? []).filter(
      (member) => member !== facts && member.person.leads !== null,
    );
  };
  const order = new Map<PersonFacts, number>();
  const low = new Map<PersonFacts, number>();
  const onStack = new Set<PersonFacts>();
  const stack: PersonFacts[] = [];
  const loops = new Map<PersonFacts, number>();
  let counter = 0;
  let loopCount = 0;
  for (const root of prepared.facts) {
    if (root.person.leads === null || order.has(root)) continue;
    const frames: { facts: PersonFacts; edges: PersonFacts[]; at: number }[] = [];
    const enter = (facts: PersonFacts) => {
      order.set(facts, counter);
      low.set(facts, counter);
      counter += 1;
      stack.push(facts);
      onStack.add(facts);
      frames.push({ facts, edges: next(facts), at: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as (typeof frames)[number];
      const edge = frame.edges[frame.at];
      if (edge !== undefined) {
        frame.at += 1;
        if (!order.has(edge)) enter(edge);
        else if (onStack.has(edge))
          low.set(frame.facts, Math.min(low.get(frame.facts) ?? 0, order.get(edge) ?? 0));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.facts, Math.min(low.get(parent.facts) ?? 0, low.get(frame.facts) ?? 0));
      if (low.get(frame.facts) !== order.get(frame.facts)) continue;
      const component: PersonFacts[] = [];
      let member: PersonFacts | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.facts);
      if (component.length > 1) {
        for (const item of component) loops.set(item, loopCount);
        loopCount += 1;
      }
    }
  }
  return loops;
}

function ratePerson(
  prepared: Prepared,
  facts: PersonFacts,
  resolve: (facts: PersonFacts, leader: PersonFacts) => PersonWork | null,
  asMember: boolean,
): PersonWork {
  const { person } = facts;
  const trace: TraceEntry[] = [];
  const totals = facts.tasks;
  const mean = meanTaskScore(totals);
  const work: PersonWork = {
    facts,
    score: null,
    components: null,
    proposed: 'NOT_RATED',
    rating: 'NOT_RATED',
    ownTaskScore: mean,
    unexcusedDelays: totals.unexcusedDelays,
    citizenShare: facts.votes && facts.votes.total > 0 ? facts.votes.positive / facts.votes.total : null,
    trace,
    error: null,
    unitTaskScore: null,
  };

  // Rule 3.1 — Nghị định 90/2020 Đ2 k3: under 6 months worked in the year is not rated.
  // Months worked = whole months employed in the year less months absent (maternity leave is
  // not counted as absence, per the contract's monthsAbsent).
  const worked = facts.monthsEmployed - person.monthsAbsent;
  if (worked < 6) {
    trace.push({
      rule: 'time.worked',
      citation: CITE.timeWorked,
      effect: 'NOT_RATED',
      detail: `Thời gian công tác trong năm ${vn(round1(worked))} tháng, dưới 6 tháng: không đánh giá, xếp loại`,
    });
    return work;
  }
  if (mean === null) {
    work.error = 'no tasks recorded: not scored';
    trace.push({
      rule: 'score.no-tasks',
      citation: prepared.pack.citation,
      effect: 'NOT_RATED',
      detail: 'Không có nhiệm vụ nào được ghi nhận trong năm: chưa thể chấm điểm',
    });
    return work;
  }

  if (prepared.pack.method === 'points' && person.conductAssessment === null) {
    work.error = 'awaiting the head\'s assessment: not scored';
    trace.push({
      rule: 'score.awaiting-assessment',
      citation: prepared.pack.citation,
      effect: 'NOT_RATED',
      detail: 'Chưa có điểm đánh giá của thủ trưởng: chưa chấm điểm',
    });
    return work;
  }

  // Leaders: the unit they lead (its direct members, the leader excluded) — DOMAIN §2.
  const leadsUnit = person.leads !== null && !asMember ? prepared.units.get(person.leads) : undefined;
  const subordinates: PersonWork[] = [];
  if (leadsUnit) {
    for (const member of prepared.members.get(leadsUnit.id) ?? []) {
      if (member === facts) continue;
      const result = resolve(member, facts);
      if (result && result.rating !== 'NOT_RATED') subordinates.push(result);
    }
    const scored = subordinates.filter((item) => item.ownTaskScore !== null);
    work.unitTaskScore =
      scored.length > 0
        ? scored.reduce((sum, item) => sum + (item.ownTaskScore ?? 0), 0) / scored.length
        : null;
  }
  const anyNotCompleted = subordinates.some((item) => item.rating === 'NOT_COMPLETED');

  if (prepared.pack.method === 'points') {
    scoreByPoints(prepared, work, mean, anyNotCompleted);
  } else {
    rateByCriteria(work, totals, leadsUnit ? subordinates : null);
  }
  work.rating = work.proposed;

  // Rule 3.2 — absent 3 to under 6 months: at most completed.
  if (
    person.monthsAbsent >= 3 &&
    person.monthsAbsent < 6 &&
    work.rating !== atMost(work.rating, 'COMPLETED')
  ) {
    work.rating = 'COMPLETED';
    trace.push({
      rule: 'time.absence',
      citation: CITE.timeWorked,
      effect: 'COMPLETED',
      detail: `Nghỉ ${vn(person.monthsAbsent)} tháng trong năm (từ 3 đến dưới 6 tháng): cao nhất là Hoàn thành nhiệm vụ`,
    });
  }
  // Rule 3.3 — discipline at reprimand or above decided in the year: not completed; the same act
  // counts in one year only (alreadyCountedInYear). The form's link to the person's duties does
  // not matter here: 48/2023 applies to any disciplinary decision in the year.
  const decision = facts.countingDiscipline;
  if (decision && work.rating !== 'NOT_COMPLETED') {
    work.rating = 'NOT_COMPLETED';
    trace.push({
      rule: 'discipline.in-year',
      citation: CITE.discipline,
      effect: 'NOT_COMPLETED',
      detail: `Bị kỷ luật ${disciplineLabel(decision.form)} ngày ${formatDay(decision.decidedOn)}: xếp loại Không hoàn thành nhiệm vụ`,
    });
  }
  // seen as a plain member inside a loop of leaders, the corruption rule still applies (it does not
  // depend on the subordinates)
  const ledUnitId = person.leads !== null && prepared.units.has(person.leads) ? person.leads : null;
  if (ledUnitId !== null) applyLeaderRules(prepared, work, ledUnitId, anyNotCompleted);
  return work;
}

function scoreByPoints(
  prepared: Prepared,
  work: PersonWork,
  ownMean: number,
  anyNotCompleted: boolean,
): void {
  const { person } = work.facts;
  const { params } = prepared;
  const trace = work.trace;
  let tasks: number;
  if (work.unitTaskScore !== null) {
    // 35 points from own tasks, 35 from the unit led; the unit half counts 100% when every
    // subordinate is completed or better, 50% when any is not completed (Nghị định 335/2025).
    const factor = anyNotCompleted ? 0.5 : 1;
    tasks = 35 * ownMean + 35 * work.unitTaskScore * factor;
    trace.push({
      rule: 'score.leader',
      citation: CITE.leaders,
      effect: String(round1(tasks)),
      detail: `Người đứng đầu: 35 điểm theo nhiệm vụ của bản thân (${vn(round1(35 * ownMean))}) và 35 điểm theo kết quả đơn vị (${vn(round1(35 * work.unitTaskScore))}${anyNotCompleted ? ' × 50% vì có người không hoàn thành nhiệm vụ' : ''})`,
    });
  } else {
    tasks = 70 * ownMean;
  }
  trace.push({
    rule: 'score.tasks',
    citation: CITE.nd335,
    effect: String(round1(tasks)),
    detail: `Kết quả thực hiện nhiệm vụ: ${vn(round1(tasks))}/70 điểm (${work.facts.tasks.count} nhiệm vụ)`,
  });

  const assessment = person.conductAssessment ?? 0; // null was stopped in ratePerson
  const conduct = Math.max(0, assessment - 2 * work.facts.infractionsInYear);
  trace.push({
    rule: 'score.conduct',
    citation: CITE.nd335,
    effect: String(round1(conduct)),
    detail:
      work.facts.infractionsInYear > 0
        ? `Ý thức, đạo đức: ${vn(assessment)} điểm do thủ trưởng đánh giá, trừ 2 điểm cho mỗi vi phạm (${work.facts.infractionsInYear} vi phạm)`
        : `Ý thức, đạo đức: ${vn(assessment)} điểm do thủ trưởng đánh giá`,
  });

  const dossier = work.facts.dossier;
  const processed = dossier ? dossier.early + dossier.onTime + dossier.late : 0;
  const parIndex = prepared.units.get(person.unitId)?.parIndex ?? null;
  let reform: number;
  if (person.dossierHandler && dossier && processed > 0) {
    reform = clamp((10 * (dossier.early + dossier.onTime)) / processed - dossier.apologies, 0, 10);
    trace.push({
      rule: 'score.reform.dossiers',
      citation: CITE.nd335,
      effect: String(round1(reform)),
      detail: `Cải cách hành chính: ${dossier.early + dossier.onTime}/${processed} hồ sơ giải quyết sớm và đúng hạn, ${dossier.apologies} phiếu xin lỗi`,
    });
  } else if (parIndex !== null) {
    // the unit's own PAR index (the person's unit, not an ancestor's)
    reform = parIndex / 10;
    trace.push({
      rule: 'score.reform.par',
      citation: CITE.nd335,
      effect: String(round1(reform)),
      detail: `Cải cách hành chính: theo Chỉ số CCHC của đơn vị (${vn(parIndex)} điểm)`,
    });
  } else {
    reform = assessment;
    trace.push({
      rule: 'score.reform.assessment',
      citation: CITE.nd335,
      effect: String(round1(reform)),
      detail: 'Cải cách hành chính: không có số liệu hồ sơ hay Chỉ số CCHC, lấy điểm thủ trưởng đánh giá',
    });
  }

  const votes = work.facts.votes;
  let citizens: number;
  if (person.citizenFacing && votes && votes.total >= params.minCitizenVotes && votes.total > 0) {
    citizens = (10 * votes.positive) / votes.total;
    trace.push({
      rule: 'score.citizens.votes',
      citation: CITE.nd335,
      effect: String(round1(citizens)),
      detail: `Sự hài lòng của người dân: ${votes.positive}/${votes.total} phiếu hài lòng trở lên`,
    });
  } else {
    citizens = assessment;
    trace.push({
      rule: 'score.citizens.assessment',
      citation: params.overridden.has('minCitizenVotes') ? CITE.local : CITE.nd335,
      effect: String(round1(citizens)),
      detail: person.citizenFacing
        ? `Sự hài lòng của người dân: dưới ${params.minCitizenVotes} phiếu đánh giá, lấy điểm thủ trưởng đánh giá`
        : 'Sự hài lòng của người dân: không trực tiếp giao dịch với người dân, lấy điểm thủ trưởng đánh giá',
    });
  }

  const score = round1(tasks + conduct + reform + citizens);
  work.score = score;
  work.components = {
    tasks: round1(tasks),
    conduct: round1(conduct),
    reform: round1(reform),
    citizens: round1(citizens),
  };
  work.proposed = bandOf(score);
  work.trace.push({
    rule: 'nd335.band',
    citation: CITE.nd335,
    effect: work.proposed,
    detail: `${vn(score)} điểm ${bandText(score)}: ${RATING_LABELS[work.proposed].vi}`,
  });
}

function bandText(score: number): string {
  if (score >= 90) return '≥ 90';
  if (score >= 70) return 'từ 70 đến dưới 90';
  if (score >= 50) return 'từ 50 đến dưới 70';
  return '< 50';
}

/**
 * Nghị định 90/2020: excellent = 100% of tasks on time and to quality with at least 50% exceeded;
 * good = 100% on time and to quality; completed = at most 20% behind or below quality; not completed
 * = more than 50%. The law leaves 20–50% unnamed; since it is not "more than 50%", it is read as
 * completed. Leaders need, for excellent, every subordinate completed or better and ≥ 70% good or
 * better; otherwise they are at most good.
 */
function rateByCriteria(work: PersonWork, totals: TaskTotals, subordinates: PersonWork[] | null): void {
  const exceededShare = totals.exceeded / totals.count;
  const missed = 1 - totals.met / totals.count;
  let rating: Rating;
  if (missed <= 1e-9) rating = exceededShare >= 0.5 - 1e-9 ? 'EXCELLENT' : 'GOOD';
  else if (missed > 0.5 + 1e-9) rating = 'NOT_COMPLETED';
  else rating = 'COMPLETED';
  const percentMissed = Math.round(missed * 1000) / 10;
  work.trace.push({
    rule: 'nd90.criteria',
    citation: CITE.nd90,
    effect: rating,
    detail: `${vn(percentMissed)}% nhiệm vụ chưa bảo đảm tiến độ, chất lượng; ${vn(Math.round(exceededShare * 1000) / 10)}% vượt kế hoạch: ${RATING_LABELS[rating].vi}`,
  });
  if (rating === 'EXCELLENT' && subordinates && subordinates.length > 0) {
    const completed = subordinates.filter((item) => item.rating !== 'NOT_COMPLETED').length;
    const good = subordinates.filter((item) => item.rating === 'GOOD' || item.rating === 'EXCELLENT').length;
    if (completed < subordinates.length || good < 0.7 * subordinates.length - 1e-9) {
      rating = 'GOOD';
      work.trace.push({
        rule: 'nd90.leader-unit',
        citation: CITE.nd90,
        effect: 'GOOD',
        detail: `Người đứng đầu: đơn vị có ${good}/${subordinates.length} người hoàn thành tốt trở lên và ${subordinates.length - completed} người không hoàn thành: chưa đủ điều kiện xuất sắc`,
      });
    }
  }
  work.proposed = rating;
}

/**
 * Rule 3.5: a leader cannot be above completed when anyone they directly lead is not completed and
 * the unit completes under 50% of its targets (read as: the unit's weighted task score under 50%);
 * a leader whose unit is directly involved in a corruption or waste case is not completed.
 */
function applyLeaderRules(
  prepared: Prepared,
  work: PersonWork,
  unitId: string,
  anyNotCompleted: boolean,
): void {
  const unit = prepared.units.get(unitId);
  if (unit?.corruptionCase && work.rating !== 'NOT_COMPLETED') {
    work.rating = 'NOT_COMPLETED';
    work.trace.push({
      rule: 'leader.corruption',
      citation: CITE.leaders,
      effect: 'NOT_COMPLETED',
      detail: `Đơn vị do mình đứng đầu (${unit.name || unit.id}) liên quan trực tiếp đến vụ việc tham nhũng, lãng phí`,
    });
    return;
  }
  const completion = work.unitTaskScore;
  if (
    anyNotCompleted &&
    completion !== null &&
    completion < 0.5 &&
    work.rating !== atMost(work.rating, 'COMPLETED')
  ) {
    work.rating = 'COMPLETED';
    work.trace.push({
      rule: 'leader.unit-results',
      citation: CITE.leaders,
      effect: 'COMPLETED',
      detail: `Đơn vị chỉ hoàn thành ${vn(round1(completion * 100))}% chỉ tiêu và có người không hoàn thành nhiệm vụ: người đứng đầu cao nhất là Hoàn thành nhiệm vụ`,
    });
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

const disciplineLabels: Record<string, string> = {
  KHIEN_TRACH: 'khiển trách',
  CANH_CAO: 'cảnh cáo',
  HA_BAC_LUONG: 'hạ bậc lương',
  GIANG_CHUC: 'giáng chức',
  CACH_CHUC: 'cách chức',
  BAI_NHIEM: 'bãi nhiệm',
  BUOC_THOI_VIEC: 'buộc thôi việc',
};

export function disciplineLabel(form: string): string {
  return disciplineLabels[form] ?? form;
}
