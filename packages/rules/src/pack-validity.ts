// Which years each policy pack's law covers: a cycle naming a pack outside them rates by the wrong law.
import type { PackId } from './types.ts';

export type PackYears = {
  /** first year the pack applies to; null = no lower bound */
  from: number | null;
  /** last year the pack applies to; null = still in force */
  until: number | null;
  citation: string;
  /** who may still use it outside those years, and on what condition (Vietnamese) */
  exception: string | null;
};

export const PACK_YEARS: Record<PackId, PackYears> = {
  // Nghị định 335/2025/NĐ-CP is in force from 1 January 2026 (DOMAIN.md §2)
  'vn-nd335-2025': {
    from: 2026,
    until: null,
    citation: 'Nghị định 335/2025/NĐ-CP (hiệu lực từ 01/01/2026)',
    exception: null,
  },
  // Nghị định 90/2020 and 48/2023 rate the years up to 2025, and viên chức until their own decree applies
  'vn-nd90-2020': {
    from: null,
    until: 2025,
    citation: 'Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP (các năm đến 2025)',
    exception:
      'viên chức, cho đến khi có nghị định riêng: cần số quyết định của cơ quan có thẩm quyền áp dụng tiếp',
  },
};

export type PackValidity =
  | { valid: true }
  | {
      valid: false;
      /** the exception the law leaves open (the caller may accept it with a recorded decision) */
      exception: string | null;
      message: string;
      messageEn: string;
    };

/** Whether a pack's law covers the cycle's year. */
export function checkPackYear(packId: PackId, year: number): PackValidity {
  const years = PACK_YEARS[packId];
  const before = years.from !== null && year < years.from;
  const after = years.until !== null && year > years.until;
  if (!before && !after) return { valid: true };
  const span =
    years.from !== null && years.until !== null
      ? `${years.from}–${years.until}`
      : years.from !== null
        ? `từ năm ${years.from}`
        : `đến năm ${years.until}`;
  const spanEn =
    years.from !== null && years.until !== null
      ? `${years.from}–${years.until}`
      : years.from !== null
        ? `from ${years.from}`
        : `up to ${years.until}`;
  return {
    valid: false,
    exception: years.exception,
    message: `Bộ quy tắc ${packId} áp dụng cho các năm ${span} (${years.citation}), không cho năm ${year}`,
    messageEn: `pack ${packId} applies to the years ${spanEn}, not to ${year}`,
  };
}
