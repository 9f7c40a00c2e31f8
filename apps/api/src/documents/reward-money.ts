import type { TitleKind } from '@cadre/db';
import { type Overrides, packs, resolveParameters, rewardOf } from '@cadre/rules';

// Reward money (Nghị định 152/2025/NĐ-CP): each title carries a multiple of the base salary (lương
// cơ sở, a cycle parameter). Both are pack data of the rules package; the cycle's local overrides
// (e.g. `baseSalary`) apply. This is the one place documents read them.

export const defaultBaseSalary = 2_340_000;

type RewardTitle = Parameters<typeof rewardOf>[1];

function parametersOf(packId: string, overrides: unknown) {
  const pack = packs[packId as keyof typeof packs] ?? packs['vn-nd335-2025'];
  const local = overrides && typeof overrides === 'object' && !Array.isArray(overrides) ? overrides : {};
  return resolveParameters(pack, local as Overrides);
}

/** The multiple of the base salary for a title under a pack, or null when the table has none. */
export function rewardMultiple(packId: string, title: TitleKind): number | null {
  const multiples: Partial<Record<string, number>> = parametersOf(packId, {}).rewardMultiples;
  return multiples[title] ?? null;
}

/** The cycle's base salary: its local override `baseSalary`, else the pack's. */
export function baseSalaryOf(packId: string, overrides: unknown): number {
  const value = parametersOf(packId, overrides).baseSalary;
  return typeof value === 'number' && value > 0 ? value : defaultBaseSalary;
}

/** The amount of one award in đồng: multiple × base salary (the rules package's rewardOf). */
export function rewardAmount(packId: string, title: TitleKind, baseSalary: number): number | null {
  const params = { ...parametersOf(packId, {}), baseSalary };
  return rewardOf(params, title as RewardTitle)?.amount ?? null;
}
