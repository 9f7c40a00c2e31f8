import type { TitleKind } from '@cadre/db';
import * as rules from '@cadre/rules';

// Reward money (Nghị định 152/2025/NĐ-CP): each title carries a multiple of the base salary (lương
// cơ sở, a cycle parameter). The table is the rules package's pack data; until the package exports
// it, the figures of shared/design/DOMAIN.md §4 are read from here — this is the one function to
// point at the rules package.

const domainMultiples: Partial<Record<TitleKind, number>> = {
  CSTD_TOAN_QUOC: 4.5,
  CSTD_TINH: 3.0,
  CSTDCS: 1.0,
  LDTT: 0.3,
  TAP_THE_LDXS: 1.5,
  TAP_THE_LDTT: 0.8,
  CO_THI_DUA: 12,
};

export const defaultBaseSalary = 2_340_000;

type RewardParameters = { rewardMultiples?: Partial<Record<string, number>>; baseSalary?: number };
type RulesWithRewards = {
  rewardMultiples?: Partial<Record<string, number>>;
  packs?: Record<string, { defaults?: RewardParameters }>;
};

/** The multiple of the base salary for a title under a pack, or null when the table has none. */
export function rewardMultiple(packId: string, title: TitleKind): number | null {
  const source = rules as unknown as RulesWithRewards;
  const fromPack = source.packs?.[packId]?.defaults?.rewardMultiples?.[title];
  if (typeof fromPack === 'number') return fromPack;
  const fromRules = source.rewardMultiples?.[title];
  if (typeof fromRules === 'number') return fromRules;
  return domainMultiples[title] ?? null;
}

/** The cycle's base salary: its local override `baseSalary`, else the pack's, else the default. */
export function baseSalaryOf(packId: string, overrides: unknown): number {
  const value =
    overrides && typeof overrides === 'object'
      ? (overrides as Record<string, unknown>).baseSalary
      : undefined;
  if (typeof value === 'number' && value > 0) return value;
  const fromPack = (rules as unknown as RulesWithRewards).packs?.[packId]?.defaults?.baseSalary;
  return typeof fromPack === 'number' && fromPack > 0 ? fromPack : defaultBaseSalary;
}

/** The amount of one award: multiple × base salary, in đồng. */
export function rewardAmount(packId: string, title: TitleKind, baseSalary: number): number | null {
  const multiple = rewardMultiple(packId, title);
  return multiple === null ? null : Math.round(multiple * baseSalary);
}
