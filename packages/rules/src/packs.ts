// Policy packs: the rules and parameters of a legal regime, as data. A cycle names its pack;
// its local overrides replace the defaults below (the numbers marked "default" in DOMAIN.md).
import type { CollectiveTitle, Overrides, PackId, Rating, Sector, Title } from './types.ts';

export type PackParameters = {
  /** rule 3.4: excellent ≤ floor(percent × good-or-better) per quota group */
  excellentPercent: number;
  excellentMinimumPerGroup: number;
  /** CSTĐCS cap as a % of LĐTT holders per unit; null = no cap */
  cstdcsCapPercent: number | null;
  rotationYears: number;
  rotationYearsBySector: Partial<Record<Sector, number>>;
  ballotThresholdPercent: number;
  minCitizenVotes: number;
  weakPerformanceRotation: boolean;
  /** citizen share under which the weak-performance flag is raised */
  weakCitizenSharePercent: number;
  quotaExceptions: { unitId: string; percent: number; decision: string }[];
  /** lương cơ sở (đồng): reward money is a multiple of it (Nghị định 152/2025) */
  baseSalary: number;
  /** reward money per title as a multiple of the base salary (Nghị định 152/2025); pack data */
  rewardMultiples: Partial<Record<Title | CollectiveTitle | 'CO_THI_DUA', number>>;
};

export type Pack = {
  id: PackId;
  name: string;
  /** how the proposal is made: a 100-point score (335/2025) or criteria (90/2020) */
  method: 'points' | 'criteria';
  citation: string;
  defaults: PackParameters;
};

const defaults: PackParameters = {
  excellentPercent: 20,
  excellentMinimumPerGroup: 0,
  cstdcsCapPercent: null,
  rotationYears: 3,
  rotationYearsBySector: {},
  ballotThresholdPercent: 90,
  minCitizenVotes: 20,
  weakPerformanceRotation: true,
  weakCitizenSharePercent: 70,
  quotaExceptions: [],
  baseSalary: 2_340_000,
  // Nghị định 152/2025/NĐ-CP. Bằng khen has no multiple in DOMAIN.md §4, so none is paid here.
  rewardMultiples: {
    CSTD_TOAN_QUOC: 4.5,
    CSTD_TINH: 3.0,
    CSTDCS: 1.0,
    LDTT: 0.3,
    TAP_THE_LDXS: 1.5,
    TAP_THE_LDTT: 0.8,
    CO_THI_DUA: 12, // Cờ thi đua của Chính phủ
  },
};

export const packs: Record<PackId, Pack> = {
  'vn-nd335-2025': {
    id: 'vn-nd335-2025',
    name: 'Nghị định 335/2025/NĐ-CP — thang 100 điểm (công chức, từ năm 2026)',
    method: 'points',
    citation: 'Nghị định 335/2025/NĐ-CP',
    defaults,
  },
  'vn-nd90-2020': {
    id: 'vn-nd90-2020',
    name: 'Nghị định 90/2020/NĐ-CP — đánh giá theo tiêu chí (viên chức, các năm đến 2025)',
    method: 'criteria',
    citation: 'Nghị định 90/2020/NĐ-CP',
    defaults,
  },
};

/** The parameters in force for a cycle: the pack's defaults with the local overrides applied. */
export function resolveParameters(
  pack: Pack,
  overrides: Overrides,
): PackParameters & { overridden: Set<string> } {
  const overridden = new Set<string>();
  const result: PackParameters = { ...pack.defaults };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    overridden.add(key);
    (result as Record<string, unknown>)[key] = value;
  }
  return { ...result, overridden };
}

export const RATING_LABELS: Record<Rating, { vi: string; en: string }> = {
  EXCELLENT: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  GOOD: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  COMPLETED: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  NOT_COMPLETED: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
  NOT_RATED: { vi: 'Chưa đánh giá, xếp loại', en: 'Not rated' },
};

export const TITLE_LABELS: Record<Title | 'TAP_THE_LDTT' | 'TAP_THE_LDXS', { vi: string; en: string }> = {
  LDTT: { vi: 'Lao động tiên tiến', en: 'Advanced worker' },
  CSTDCS: { vi: 'Chiến sĩ thi đua cơ sở', en: 'Grassroots emulation fighter' },
  CSTD_TINH: { vi: 'Chiến sĩ thi đua cấp tỉnh', en: 'Provincial emulation fighter' },
  CSTD_TOAN_QUOC: { vi: 'Chiến sĩ thi đua toàn quốc', en: 'National emulation fighter' },
  BANG_KHEN: { vi: 'Bằng khen', en: 'Certificate of merit' },
  TAP_THE_LDTT: { vi: 'Tập thể lao động tiên tiến', en: 'Advanced collective' },
  TAP_THE_LDXS: { vi: 'Tập thể lao động xuất sắc', en: 'Excellent collective' },
};

/** Order from best to worst; NOT_RATED stands apart. */
export const RATING_RANK: Record<Rating, number> = {
  EXCELLENT: 4,
  GOOD: 3,
  COMPLETED: 2,
  NOT_COMPLETED: 1,
  NOT_RATED: 0,
};

export function atMost(rating: Rating, ceiling: Rating): Rating {
  if (rating === 'NOT_RATED') return rating;
  return RATING_RANK[rating] > RATING_RANK[ceiling] ? ceiling : rating;
}
