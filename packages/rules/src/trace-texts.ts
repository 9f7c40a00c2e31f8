// The words of the trace: for every rule id, its legal citation and the Vietnamese sentence made
// from the entry's params (the plain figures, counts, codes and dates the engine recorded). The
// engine keeps and the API stores only { rule, effect, params }; the text is written when read.
import { CITE, RULES, vn, vnMoney } from './citations.ts';
import { formatDay } from './dates.ts';
import { RATING_LABELS } from './packs.ts';
import { periodList, periodTitle } from './periods.ts';
import type {
  CompactTraceEntry,
  PeriodKind,
  Rating,
  TraceEntry as RenderedTraceEntry,
  StoredTraceEntry,
  TraceParam,
} from './types.ts';

type TraceParams = readonly TraceParam[];
/** a param as read (an index past the end reads undefined) */
type Param = TraceParam | undefined;

/**
 * params[0] of an entry written as prose: ['!text', citation key or citation, detail]. Used where
 * the sentence quotes what people wrote or another rule's message (flags, the quota's tie-breaks).
 */
export const PROSE = '!text';
/** params[0] of a refused decision, whose rule is the rule that refused it: ['!refused', rating, citation, message]. */
export const REFUSED_DECISION = '!refused';

/** A citation as a key of CITE when it is one (shorter to store), else the citation itself. */
export function citeKey(citation: string): string {
  return citeKeys.get(citation) ?? citation;
}
const citeKeys = new Map<string, string>(Object.entries(CITE).map(([key, value]) => [value, key]));
function citeOf(key: Param): string {
  return (CITE as Record<string, string>)[String(key)] ?? String(key ?? '');
}

/** A prose entry (see PROSE). */
export function proseParams(citation: string, detail: string): TraceParams {
  return [PROSE, citeKey(citation), detail];
}

const ratingVi = (rating: Param) => RATING_LABELS[rating as Rating]?.vi ?? String(rating);

/** The periods part of a sentence: null = every period scored (or the year), else [kind, year, list]. */
type Scope = readonly [PeriodKind, number, readonly number[]] | null;

/** "label: text", or "label (tháng 1, 2/2026): text" when the sentence is about some periods only. */
function listed(scope: Param, label: string, text: string): string {
  if (scope === null || scope === undefined || !Array.isArray(scope)) return `${label}: ${text}`;
  const [kind, year, list] = scope as unknown as NonNullable<Scope>;
  return `${label} (${periodList(kind, list, year)}): ${text}`;
}

/** ", bình quân 3 quý được chấm" after a year's figure made of periods (nothing for a year). */
function over(kind: Param, n: Param): string {
  return kind === 'YEAR' ? '' : `, bình quân ${n} ${kind === 'MONTH' ? 'tháng' : 'quý'} được chấm`;
}

export function bandText(score: number): string {
  if (score >= 90) return 'từ 90 điểm trở lên';
  if (score >= 70) return 'từ 70 đến dưới 90 điểm';
  if (score >= 50) return 'từ 50 đến dưới 70 điểm';
  return 'dưới 50 điểm';
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

const shortTitleLabels: Record<string, string> = {
  LDTT: 'Lao động tiên tiến',
  CSTDCS: 'Chiến sĩ thi đua cơ sở',
  CSTD_TINH: 'Chiến sĩ thi đua cấp tỉnh',
  CSTD_TOAN_QUOC: 'Chiến sĩ thi đua toàn quốc',
  TAP_THE_LDTT: 'Tập thể lao động tiên tiến',
  TAP_THE_LDXS: 'Tập thể lao động xuất sắc',
};

export const CSTDCS_REASON =
  'không hoàn thành xuất sắc nhiệm vụ và không có sáng kiến được công nhận trong năm';

/** LĐTT's unmet conditions, from [rating code (1 not rated, 2 below good, 0 met), disciplined, hired under 6 months, months absent or null]. */
export function ldttReasons(p: TraceParams): string[] {
  const reasons: string[] = [];
  if (p[0] === 1) reasons.push('chưa được đánh giá, xếp loại');
  else if (p[0] === 2) reasons.push('chưa đạt Hoàn thành tốt nhiệm vụ');
  if (p[1]) reasons.push('bị kỷ luật trong năm');
  if (p[2]) reasons.push('tuyển dụng chưa đủ 6 tháng');
  if (p[3] !== null && p[3] !== undefined)
    reasons.push(`nghỉ ${vn(p[3] as number)} tháng (từ 3 tháng trở lên)`);
  return reasons;
}

/** Bằng khen's unmet conditions, from [not excellent this year, not excellent last year, disciplined]. */
export function bangKhenReasons(p: TraceParams): string[] {
  const reasons: string[] = [];
  if (p[0]) reasons.push('năm nay chưa hoàn thành xuất sắc nhiệm vụ');
  if (p[1]) reasons.push('năm trước chưa hoàn thành xuất sắc nhiệm vụ');
  if (p[2]) reasons.push('bị kỷ luật trong năm');
  return reasons;
}

/** The higher titles (CSTĐ cấp tỉnh, toàn quốc): their names, conditions and what achieving them means. */
export const HIGHER_TITLES: Record<string, { name: string; conditions: [string, string]; achieved: string }> =
  {
    [RULES.cstdTinh]: {
      name: 'Chiến sĩ thi đua cấp tỉnh',
      conditions: [
        'chưa đủ 3 năm liên tục đạt Chiến sĩ thi đua cơ sở',
        'không có sáng kiến cấp tỉnh trở lên trong 3 năm',
      ],
      achieved: '3 năm liên tục Chiến sĩ thi đua cơ sở, có sáng kiến cấp tỉnh',
    },
    [RULES.cstdToanQuoc]: {
      name: 'Chiến sĩ thi đua toàn quốc',
      conditions: [
        'chưa đạt 2 lần liên tục Chiến sĩ thi đua cấp tỉnh',
        'không có sáng kiến cấp toàn quốc trong 6 năm',
      ],
      achieved: '2 lần liên tục Chiến sĩ thi đua cấp tỉnh, có sáng kiến cấp toàn quốc',
    },
  };

/**
 * A higher title's unmet conditions, from [not rated, condition 1 unmet, condition 2 unmet, ballot]
 * where ballot is null, ['Q', participants, members, quorum] (no quorum) or ['F', for, members,
 * threshold %] (too few votes).
 */
export function higherTitleReasons(rule: string, p: TraceParams): string[] {
  const spec = HIGHER_TITLES[rule];
  const reasons: string[] = [];
  if (p[0]) reasons.push('chưa được đánh giá, xếp loại');
  if (p[1] && spec) reasons.push(spec.conditions[0]);
  if (p[2] && spec) reasons.push(spec.conditions[1]);
  const ballot = p[3] as readonly TraceParam[] | null | undefined;
  if (ballot && ballot[0] === 'Q') {
    reasons.push(
      `cuộc bỏ phiếu không đủ số thành viên tham dự (${ballot[1]}/${ballot[2]} thành viên, cần ${ballot[3]}): không có giá trị`,
    );
  } else if (ballot && ballot[0] === 'F') {
    reasons.push(
      `số phiếu đồng ý ${ballot[1]}/${ballot[2]} dưới ${vn(ballot[3] as number)}% tổng số thành viên Hội đồng`,
    );
  }
  return reasons;
}

type Text = {
  citation: string | ((p: TraceParams, effect: string) => string);
  detail: (p: TraceParams, effect: string, rule: string) => string;
};

const num = (value: Param) => vn(value as number);

function higherTitleText(p: TraceParams, effect: string, rule: string): string {
  const spec = HIGHER_TITLES[rule] ?? { name: rule, achieved: '' };
  if (effect.startsWith('?'))
    return `Đủ điều kiện đề nghị ${spec.name} (${spec.achieved}): chờ Hội đồng Thi đua – Khen thưởng bỏ phiếu kín`;
  if (effect.startsWith('+'))
    return `Đạt ${spec.name}: ${spec.achieved}, được ${p[0]}/${p[1]} thành viên Hội đồng bỏ phiếu đồng ý`;
  return `Chưa đạt ${spec.name}: ${higherTitleReasons(rule, p).join('; ')}`;
}

/** A quota group's name from [1 for a unit, its name or id] (or [0, the group's id]). */
export function quotaGroupName(p: TraceParams): string {
  return p[0] ? `Đơn vị ${p[1]}` : `Nhóm công chức có nhiệm vụ tương đồng ${p[1]}`;
}

/** A group's quota from [is a unit, name, percent, eligible, allowed, minimum shown or null, exception decision or null]. */
export function quotaSentence(p: TraceParams): string {
  const minimum = p[5] !== null && p[5] !== undefined ? `, tối thiểu ${p[5]} người mỗi nhóm` : '';
  const exception = p[6] !== null && p[6] !== undefined ? `, ngoại lệ theo quyết định ${p[6]}` : '';
  return `${quotaGroupName(p)} được tối đa ${p[4]} người Hoàn thành xuất sắc nhiệm vụ (${num(p[2])}% của ${p[3]} người hoàn thành tốt trở lên, làm tròn xuống${minimum}${exception})`;
}

/** Why one candidate kept the excellent rating before another: [by, then the figures compared]. */
function quotaTieBreak(t: TraceParams): string {
  const share = (value: Param) => (value === null ? 'không có phiếu' : `${num(value)}%`);
  switch (t[0]) {
    case 'score':
      return `người có điểm cao hơn được ưu tiên (${t[1]} ${num(t[2])} điểm, ${t[3]} ${num(t[4])} điểm)`;
    case 'delays':
      return `cùng ${num(t[5])} điểm, ưu tiên người ít lần chậm tiến độ không có lý do khách quan hơn (${t[1]} ${t[2]} lần, ${t[3]} ${t[4]} lần)`;
    case 'share':
      return `cùng điểm và cùng số lần chậm tiến độ, ưu tiên người có tỷ lệ người dân hài lòng cao hơn (${t[1]} ${share(t[2])}, ${t[3]} ${share(t[4])})`;
    default:
      return `cùng điểm, cùng số lần chậm tiến độ và cùng tỷ lệ người dân hài lòng, ưu tiên theo thứ tự mã số (${t[1]} trước ${t[2]})`;
  }
}

/** Each rule's citation and sentence; the params each sentence reads are listed beside it. */
export const TRACE_TEXTS: Record<string, Text> = {
  // [months worked, to one decimal]
  [RULES.timeWorked]: {
    citation: CITE.timeWorked,
    detail: (p) => `Thời gian công tác trong năm ${num(p[0])} tháng, dưới 6 tháng: không đánh giá, xếp loại`,
  },
  // [the pack's citation key, 1 when tasks were recorded but all weigh 0]
  [RULES.noTasks]: {
    citation: (p) => citeOf(p[0]),
    detail: (p) =>
      p[1]
        ? 'Các nhiệm vụ được ghi nhận đều có trọng số 0: chưa thể chấm điểm'
        : 'Không có nhiệm vụ nào được ghi nhận trong năm: chưa thể chấm điểm',
  },
  // [period kind, year, periods awaiting]
  [RULES.awaitingAssessment]: {
    citation: CITE.nd335Score,
    detail: (p) =>
      `Chờ thủ trưởng đánh giá ý thức, đạo đức (${periodList(p[0] as PeriodKind, p[2] as number[], p[1] as number)}): chưa chấm điểm cho đến khi có đánh giá`,
  },
  // [period kind, year, period, score, tasks, conduct, reform, citizens]
  [RULES.period]: {
    citation: CITE.nd335Tasks,
    detail: (p) =>
      `${periodTitle(p[0] as PeriodKind, p[2] as number, p[1] as number)}: ${num(p[3])} điểm (nhiệm vụ ${num(p[4])}; ý thức ${num(p[5])}; cải cách hành chính ${num(p[6])}; hài lòng ${num(p[7])})`,
  },
  // [the unit's mean result %, names of those not completed (none: full unit half)]
  [RULES.leader]: {
    citation: CITE.leaders,
    detail: (p) => {
      const names = (p[1] ?? []) as string[];
      return names.length > 0
        ? `Người đứng đầu: một nửa điểm nhiệm vụ theo nhiệm vụ của bản thân, một nửa theo kết quả của đơn vị (bình quân ${num(p[0])}%), tính 50% phần của đơn vị vì có người không hoàn thành nhiệm vụ (${names.join(', ')})`
        : `Người đứng đầu: một nửa điểm nhiệm vụ theo nhiệm vụ của bản thân, một nửa theo kết quả của đơn vị (bình quân ${num(p[0])}%), tính đủ 100% vì mọi người trong đơn vị hoàn thành nhiệm vụ trở lên`;
    },
  },
  // [task points, period kind, periods scored, tasks]
  [RULES.tasks]: {
    citation: CITE.nd335Tasks,
    detail: (p) =>
      `Kết quả thực hiện nhiệm vụ: ${num(p[0])}/70 điểm${over(p[1], p[2])} (${p[3]} nhiệm vụ, theo số lượng, chất lượng và tiến độ của sản phẩm quy đổi)`,
  },
  // [scope, 1 when the head assessed the period itself, assessment, infractions]
  [RULES.conduct]: {
    citation: CITE.nd335Score,
    detail: (p) => {
      const infractions = p[3] as number;
      const text = `${p[1] ? 'điểm thủ trưởng đánh giá riêng cho kỳ' : 'điểm thủ trưởng đánh giá'} ${num(p[2])}${infractions > 0 ? `, trừ ${2 * infractions} điểm vì ${infractions} vi phạm (đi muộn, vắng mặt, vi phạm quy tắc ứng xử hoặc bị phản ánh đúng) trong kỳ` : ''}`;
      return listed(p[0], 'Ý thức, đạo đức', text);
    },
  },
  // [scope, early and on time, processed, apologies, 1 for the year's counts]
  [RULES.reformDossiers]: {
    citation: CITE.nd335Score,
    detail: (p) =>
      listed(
        p[0],
        'Cải cách hành chính',
        `${p[1]}/${p[2]} hồ sơ giải quyết sớm và đúng hạn, ${p[3]} phiếu xin lỗi (${p[4] ? 'số liệu cả năm' : 'số liệu của kỳ'})`,
      ),
  },
  // [scope, the unit's PAR index]
  [RULES.reformPar]: {
    citation: CITE.nd335Score,
    detail: (p) => listed(p[0], 'Cải cách hành chính', `theo Chỉ số CCHC của đơn vị (${num(p[1])} điểm)`),
  },
  // [scope, 1 for a dossier handler]
  [RULES.reformAssessment]: {
    citation: CITE.nd335Score,
    detail: (p) =>
      listed(
        p[0],
        'Cải cách hành chính',
        p[1]
          ? 'không có số liệu hồ sơ đã giải quyết hay Chỉ số CCHC, lấy điểm thủ trưởng đánh giá'
          : 'không có Chỉ số CCHC của đơn vị, lấy điểm thủ trưởng đánh giá',
      ),
  },
  // [scope, satisfied votes, votes, 1 for the year's votes]
  [RULES.citizensVotes]: {
    citation: CITE.nd335Score,
    detail: (p) =>
      listed(
        p[0],
        'Sự hài lòng của người dân',
        `${p[1]}/${p[2]} phiếu hài lòng trở lên (${p[3] ? 'phiếu cả năm' : 'phiếu của kỳ'})`,
      ),
  },
  // [scope, minimum votes (null: not citizen-facing), 1 when the minimum is a local override]
  [RULES.citizensAssessment]: {
    citation: (p) => (p[2] ? CITE.local : CITE.nd335Score),
    detail: (p) =>
      listed(
        p[0],
        'Sự hài lòng của người dân',
        p[1] === null
          ? 'không trực tiếp giao dịch với người dân, lấy điểm thủ trưởng đánh giá'
          : `dưới ${p[1]} phiếu đánh giá, lấy điểm thủ trưởng đánh giá`,
      ),
  },
  // [score, period kind, periods scored]; effect the band's rating
  [RULES.band]: {
    citation: (p) => (p[1] === 'YEAR' ? CITE.nd335Bands : `${CITE.nd335Bands} và Điều 21`),
    detail: (p, effect) =>
      `Điểm cả năm ${num(p[0])}${over(p[1], p[2])}, ${bandText(p[0] as number)}: ${ratingVi(effect)}`,
  },
  // [% of tasks behind or below quality, % exceeded]; effect the rating
  [RULES.criteria]: {
    citation: CITE.nd90,
    detail: (p, effect) =>
      `${num(p[0])}% nhiệm vụ chưa bảo đảm tiến độ, chất lượng; ${num(p[1])}% vượt kế hoạch: ${ratingVi(effect)}`,
  },
  // [good or better, rated members, not completed]
  [RULES.criteriaLeader]: {
    citation: CITE.nd90,
    detail: (p) =>
      `Người đứng đầu: đơn vị có ${p[0]}/${p[1]} người hoàn thành tốt trở lên và ${p[2]} người không hoàn thành: chưa đủ điều kiện xuất sắc`,
  },
  // [months absent]
  [RULES.timeAbsence]: {
    citation: CITE.timeWorked,
    detail: (p) =>
      `Nghỉ ${num(p[0])} tháng trong năm (từ 3 đến dưới 6 tháng): cao nhất là Hoàn thành nhiệm vụ`,
  },
  // [form, decided on, 1 under pack vn-nd335-2025 (a violation of the person's duties)]
  [RULES.discipline]: {
    citation: (p) => (p[2] ? CITE.disciplineNd335 : CITE.disciplineNd90),
    detail: (p) =>
      `Bị kỷ luật ${disciplineLabel(String(p[0]))} ngày ${formatDay(String(p[1]))}${p[2] ? ' về hành vi liên quan đến thực thi nhiệm vụ, công vụ' : ''}: xếp loại Không hoàn thành nhiệm vụ`,
  },
  // [form, decided on]
  [RULES.disciplineOutsideDuties]: {
    citation: CITE.disciplineNd335,
    detail: (p) =>
      `Bị kỷ luật ${disciplineLabel(String(p[0]))} ngày ${formatDay(String(p[1]))} về hành vi không liên quan đến thực thi nhiệm vụ: không ảnh hưởng đến xếp loại, nhưng không được xét danh hiệu thi đua trong năm`,
  },
  // []
  [RULES.degeneration]: {
    citation: CITE.degeneration,
    detail: () =>
      'Có kết luận của cấp có thẩm quyền trong năm về suy thoái tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" hoặc vi phạm trách nhiệm nêu gương: xếp loại Không hoàn thành nhiệm vụ',
  },
  // [the unit's name (or id)]
  [RULES.leaderCorruption]: {
    citation: CITE.leaders,
    detail: (p) =>
      `Đơn vị do mình đứng đầu (${p[0]}) liên quan trực tiếp đến vụ việc tham nhũng, lãng phí: xếp loại Không hoàn thành nhiệm vụ`,
  },
  // [the unit's completion %]
  [RULES.leaderUnitResults]: {
    citation: CITE.leaders,
    detail: (p) =>
      `Đơn vị chỉ hoàn thành ${num(p[0])}% chỉ tiêu và có người không hoàn thành nhiệm vụ: người đứng đầu cao nhất là Hoàn thành nhiệm vụ`,
  },
  // [citation key, the quota (quotaSentence's 7 params), the tie-break with the first one left out]
  [RULES.quotaKept]: {
    citation: (p) => citeOf(p[0]),
    detail: (p) =>
      `${quotaSentence(p.slice(1, 8))}: được giữ xếp loại ${ratingVi('EXCELLENT')}; ${quotaTieBreak(p[8] as TraceParams)}`,
  },
  // [citation key, the quota (quotaSentence's 7 params), the tie-break with the last one kept, or null: no slot]
  [RULES.quota]: {
    citation: (p) => citeOf(p[0]),
    detail: (p) =>
      `${quotaSentence(p.slice(1, 8))}; ${p[8] ? quotaTieBreak(p[8] as TraceParams) : 'không còn suất nào trong tỷ lệ'}: xếp loại ${ratingVi('GOOD')}`,
  },
  // [] when the decision is the engine's own rating, else [the engine's rating, the reason]
  [RULES.decision]: {
    citation: CITE.decision,
    detail: (p, effect) =>
      p.length === 0
        ? `Cấp có thẩm quyền quyết định xếp loại ${ratingVi(effect)}, đúng đề xuất của hệ thống`
        : `Cấp có thẩm quyền quyết định xếp loại ${ratingVi(effect)} (đề xuất của hệ thống: ${ratingVi(p[0])}); lý do: ${p[1] ?? ''}`,
  },
  // granted: [1 when excellent]; refused: LĐTT's conditions (ldttReasons)
  [RULES.ldtt]: {
    citation: CITE.ldtt,
    detail: (p, effect) =>
      effect.startsWith('+')
        ? `Đạt danh hiệu Lao động tiên tiến: ${p[0] ? 'hoàn thành xuất sắc' : 'hoàn thành tốt'} nhiệm vụ, không bị kỷ luật, đủ thời gian công tác`
        : `Không đủ điều kiện Lao động tiên tiến: ${ldttReasons(p).join('; ')}`,
  },
  // granted: [] (excellent) or [initiative kind, recognised on]; refused: []
  [RULES.cstdcs]: {
    citation: CITE.cstd,
    detail: (p, effect) => {
      if (!effect.startsWith('+')) return `Chưa đạt Chiến sĩ thi đua cơ sở: ${CSTDCS_REASON}`;
      if (p.length === 0)
        return 'Đạt Chiến sĩ thi đua cơ sở: Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ';
      return `Đạt Chiến sĩ thi đua cơ sở: Lao động tiên tiến và có ${p[0] === 'RESEARCH' ? 'đề tài nghiên cứu được ứng dụng' : 'sáng kiến được công nhận'} ngày ${formatDay(String(p[1]))}`;
    },
  },
  // [cap %, LĐTT holders, allowed]
  [RULES.cstdcsCap]: {
    citation: CITE.local,
    detail: (p) => `Chưa đạt Chiến sĩ thi đua cơ sở: ${cstdcsCapReason(p)}`,
  },
  // granted: [votes for, members]; pending (effect ?…): []; refused: higherTitleReasons
  [RULES.cstdTinh]: { citation: CITE.ballot, detail: higherTitleText },
  [RULES.cstdToanQuoc]: { citation: CITE.ballot, detail: higherTitleText },
  // granted: []; refused: bangKhenReasons
  [RULES.bangKhen]: {
    citation: CITE.bangKhen,
    detail: (p, effect) =>
      effect.startsWith('+')
        ? 'Đủ điều kiện đề nghị Bằng khen: 2 năm liên tục hoàn thành xuất sắc nhiệm vụ, không bị kỷ luật'
        : `Chưa đủ điều kiện Bằng khen: ${bangKhenReasons(p).join('; ')}`,
  },
  // [[title, amount], …]
  [RULES.reward]: {
    citation: CITE.reward,
    detail: (p) =>
      `Tiền thưởng: ${(p as readonly (readonly [string, number])[]).map(([title, amount]) => `${shortTitleLabels[title] ?? title} ${vnMoney(amount)} đồng`).join('; ')} (hệ số nhân với mức lương cơ sở)`,
  },
};

export function cstdcsCapReason(p: TraceParams): string {
  return `vượt tỷ lệ Chiến sĩ thi đua cơ sở của đơn vị (${num(p[0])}% của ${p[1]} Lao động tiên tiến là ${p[2]} người), xét theo điểm từ cao xuống thấp`;
}

/** The citation of a rule with no entry above (the flags, whose reason is the sentence): by the rule's family. */
function familyCitation(rule: string): string {
  if (rule.startsWith('rotation')) return CITE.rotation;
  if (rule.startsWith('streamlining')) return CITE.streamlining;
  if (rule.startsWith('dismissal')) return CITE.dismissal;
  return CITE.local;
}

/**
 * The entry as people read it. Takes the engine's compact entry, the stored form ([rule, effect,
 * ...params]), or an entry stored before traces were compact ({ rule, citation, effect, detail }:
 * passed through as it is).
 */
export function renderTraceEntry(
  entry: CompactTraceEntry | StoredTraceEntry | RenderedTraceEntry,
): RenderedTraceEntry {
  if (Array.isArray(entry)) {
    const [rule, effect, ...params] = entry as StoredTraceEntry;
    return renderCompact(String(rule ?? ''), String(effect ?? ''), params);
  }
  if ('params' in entry) {
    const params = Array.isArray(entry.params) ? entry.params : [];
    return renderCompact(String(entry.rule ?? ''), String(entry.effect ?? ''), params);
  }
  const text = entry as RenderedTraceEntry;
  return {
    rule: String(text.rule ?? ''),
    citation: String(text.citation ?? ''),
    effect: String(text.effect ?? ''),
    detail: String(text.detail ?? ''),
  };
}

function renderCompact(rule: string, effect: string, params: TraceParams): RenderedTraceEntry {
  return { rule, citation: citationOf(rule, effect, params), effect, detail: detailOf(rule, effect, params) };
}

export function citationOf(rule: string, effect: string, params: TraceParams): string {
  if (params[0] === PROSE) return citeOf(params[1] ?? '');
  if (params[0] === REFUSED_DECISION) return citeOf(params[2] ?? '');
  const text = TRACE_TEXTS[rule];
  if (!text) return familyCitation(rule);
  return typeof text.citation === 'string' ? text.citation : text.citation(params, effect);
}

export function detailOf(rule: string, effect: string, params: TraceParams): string {
  if (params[0] === PROSE) return String(params[2] ?? '');
  if (params[0] === REFUSED_DECISION)
    return `Không chấp nhận quyết định xếp loại ${ratingVi(params[1] ?? '')}: ${params[3] ?? ''}`;
  const text = TRACE_TEXTS[rule];
  if (!text) return params.map((item) => String(item)).join('; ');
  return text.detail(params, effect, rule);
}

/**
 * The stored form of a trace: [rule, effect, ...params] per entry, the text left to
 * renderStoredTrace (a list rather than an object: jsonb keeps a key and an offset per field, and
 * the flat list takes under half the bytes of the text). An entry with no params (text made
 * elsewhere) is kept as its text.
 */
export function storedTrace(
  trace: readonly (CompactTraceEntry | RenderedTraceEntry)[],
): (StoredTraceEntry | RenderedTraceEntry)[] {
  return trace.map((entry) =>
    'params' in entry && Array.isArray(entry.params)
      ? [entry.rule, entry.effect, ...entry.params]
      : (entry as RenderedTraceEntry),
  );
}

/** A stored trace (a JSON column: compact, or text from before traces were compact) as people read it. */
export function renderStoredTrace(value: unknown): RenderedTraceEntry[] {
  if (!Array.isArray(value)) return [];
  const result: RenderedTraceEntry[] = [];
  for (const entry of value) {
    if (!entry || typeof entry !== 'object') continue;
    if (Array.isArray(entry) && typeof entry[0] !== 'string') continue;
    result.push(renderTraceEntry(entry as StoredTraceEntry));
  }
  return result;
}
