// The one schema of a cycle's local overrides (SCENARIO.md `overrides`): the eval command, the
// API's cycle forms and the engine read the same keys and ranges. Every key is optional; an
// unknown key is refused.
import { z } from 'zod';
import { SECTORS } from './types.ts';

const percent = () =>
  z
    .number({ error: 'cần một số / not a number' })
    .min(0, 'không âm / negative')
    .max(100, 'tối đa 100 / above 100');
const whole = () =>
  z
    .number({ error: 'cần một số / not a number' })
    .int('số nguyên / not a whole number')
    .min(0, 'không âm / negative');
const years = () =>
  z
    .number({ error: 'cần một số / not a number' })
    .min(1, 'từ 1 đến 10 năm / 1–10 years')
    .max(10, 'từ 1 đến 10 năm / 1–10 years');

export const overridesSchema = z.strictObject(
  {
    /** rule 3.4: excellent ≤ floor(percent × good or better) per quota group (default 20) */
    excellentPercent: percent().optional(),
    /** e.g. 1: one excellent allowed where floor() gives none (default 0) */
    excellentMinimumPerGroup: whole().optional(),
    /** CSTĐCS cap as a % of LĐTT holders per unit; null = no cap (default) */
    cstdcsCapPercent: percent().nullable().optional(),
    rotationYears: years().optional(),
    /** the council's secret ballot: votes for as a % of all members (default 90) */
    ballotThresholdPercent: percent().optional(),
    minCitizenVotes: whole().optional(),
    rotationYearsBySector: z.partialRecord(z.enum(SECTORS), years()).optional(),
    /** recorded decisions allowing an outstanding unit or group a higher percentage (Điều 20 k5 b) */
    quotaExceptions: z
      .array(
        z.object({
          unitId: z
            .string({ error: 'thiếu hoặc không phải chữ / missing or not text' })
            .min(1, 'trống / empty'),
          percent: percent(),
          decision: z
            .string({ error: 'thiếu hoặc không phải chữ / missing or not text' })
            .min(1, 'trống / empty'),
        }),
      )
      .optional(),
    weakPerformanceRotation: z.boolean({ error: 'cần đúng hoặc sai / not true or false' }).optional(),
    /** lương cơ sở in đồng (Nghị định 152/2025; default 2,340,000) */
    baseSalary: z.number({ error: 'cần một số / not a number' }).min(0, 'không âm / negative').optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Khóa không hỗ trợ / unknown override: ${issue.keys.join(', ')}`
        : undefined,
  },
);

export type OverridesInput = z.infer<typeof overridesSchema>;

/** Problems of an overrides object as `<path>: <message>` lines (empty when valid). */
export function overridesProblems(
  value: unknown,
): { ok: true; overrides: OverridesInput } | { ok: false; problems: { path: string; message: string }[] } {
  const parsed = overridesSchema.safeParse(value ?? {});
  if (parsed.success) return { ok: true, overrides: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((key) => ({
          path: path ? `${path}.${key}` : key,
          message: 'unknown override',
        }));
      return [{ path, message: issue.message }];
    }),
  };
}
