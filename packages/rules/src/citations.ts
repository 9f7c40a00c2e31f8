// The legal instruments behind each rule, cited in every trace entry, and the rule ids the trace,
// the API and the web share (one list: nobody matches rule names by hand).

export const CITE = {
  nd335: 'Nghị định 335/2025/NĐ-CP',
  /** task results per period */
  nd335Tasks: 'Nghị định 335/2025/NĐ-CP, Điều 14',
  /** the general criteria (30 points) and the ratings on the 100-point scale */
  nd335Score: 'Nghị định 335/2025/NĐ-CP, Điều 14 và Điều 20',
  /** bands of the year's score */
  nd335Bands: 'Nghị định 335/2025/NĐ-CP, Điều 20',
  /** the year's score as the mean of the periods worked */
  nd335Year: 'Nghị định 335/2025/NĐ-CP, Điều 21',
  nd90: 'Nghị định 90/2020/NĐ-CP',
  timeWorked: 'Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3',
  /** 335/2025: only a violation concerning the person's public duties */
  disciplineNd335: 'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm c; Nghị định 172/2025/NĐ-CP',
  disciplineNd90: 'Nghị định 48/2023/NĐ-CP; Nghị định 172/2025/NĐ-CP',
  degeneration: 'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm b',
  quota: 'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 5',
  quotaException: 'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 5 điểm b',
  leaders: 'Nghị định 335/2025/NĐ-CP (đánh giá người đứng đầu)',
  emulation: 'Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP',
  ldtt: 'Luật Thi đua, khen thưởng 2022, Điều 26; Thông tư 15/2025/TT-BNV',
  cstd: 'Luật Thi đua, khen thưởng 2022, Điều 21; Nghị định 152/2025/NĐ-CP',
  ballot: 'Luật Thi đua, khen thưởng 2022, Điều 21; Nghị định 152/2025/NĐ-CP (bỏ phiếu kín của Hội đồng)',
  bangKhen: 'Nghị định 152/2025/NĐ-CP',
  reward: 'Nghị định 152/2025/NĐ-CP (mức tiền thưởng theo lương cơ sở)',
  collective: 'Luật Thi đua, khen thưởng 2022, Điều 27–28',
  streamlining: 'Nghị định 154/2025/NĐ-CP',
  dismissal: 'Nghị định 90/2020/NĐ-CP; Luật Cán bộ, công chức 80/2025/QH15',
  rotation: 'Luật Phòng, chống tham nhũng 2018, Điều 25; Nghị định 59/2019/NĐ-CP, Điều 36–39',
  decision: 'Nghị định 335/2025/NĐ-CP (quyết định của cấp có thẩm quyền)',
  local: 'local',
} as const;

/**
 * Rule ids: the `rule` of every trace entry, violation and eligibility. Stable identifiers for
 * programs (the API, the web, tests); people read the entry's Vietnamese `detail` instead.
 */
export const RULES = {
  timeWorked: 'time.worked',
  timeAbsence: 'time.absence',
  noTasks: 'score.no-tasks',
  awaitingAssessment: 'score.awaiting-assessment',
  period: 'score.period',
  tasks: 'score.tasks',
  leader: 'score.leader',
  conduct: 'score.conduct',
  reformDossiers: 'score.reform.dossiers',
  reformPar: 'score.reform.par',
  reformAssessment: 'score.reform.assessment',
  citizensVotes: 'score.citizens.votes',
  citizensAssessment: 'score.citizens.assessment',
  band: 'nd335.band',
  criteria: 'nd90.criteria',
  criteriaLeader: 'nd90.leader-unit',
  discipline: 'discipline.in-year',
  disciplineOutsideDuties: 'discipline.outside-duties',
  degeneration: 'discipline.degeneration',
  quota: 'quota.excellent',
  quotaKept: 'quota.excellent-kept',
  leaderCorruption: 'leader.corruption',
  leaderUnitResults: 'leader.unit-results',
  decision: 'decision.final-rating',
  decisionRefused: 'decision.refused',
  decisionQuota: 'decision.quota',
  ldtt: 'title.ldtt',
  cstdcs: 'title.cstdcs',
  cstdcsCap: 'title.cstdcs-cap',
  cstdTinh: 'title.cstd-tinh',
  cstdToanQuoc: 'title.cstd-toan-quoc',
  bangKhen: 'title.bang-khen',
  reward: 'title.reward',
  rotationPeriod: 'rotation.period',
  rotationRetirement: 'rotation.retirement',
  rotationPostponed: 'rotation.postponed',
  streamlining: 'streamlining.not-completed',
  streamliningPostponed: 'streamlining.postponed',
  dismissal: 'dismissal.two-years',
  weakPerformance: 'weak-performance.rotation',
} as const;
export type RuleId = (typeof RULES)[keyof typeof RULES];

/** The hard rules (DOMAIN §3.1–3.3, 3.5): a final decision may never go above what they allow. */
export const HARD_RULES: readonly RuleId[] = [
  RULES.timeWorked,
  RULES.noTasks,
  RULES.awaitingAssessment,
  RULES.timeAbsence,
  RULES.discipline,
  RULES.degeneration,
  RULES.leaderCorruption,
  RULES.leaderUnitResults,
];

/** 96.4 → "96,4": Vietnamese decimal comma in sentences meant for staff. */
export function vn(value: number): string {
  return String(value).replace('.', ',');
}

/** 2340000 → "2.340.000": Vietnamese thousands separator for amounts of money. */
export function vnMoney(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
