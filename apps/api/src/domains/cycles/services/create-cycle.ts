import type { Cycle, CycleStatus, PeriodKind, Prisma, PrismaClient, Role } from '@cadre/db';
import { overridesSchema } from '@cadre/rules';
import type { z } from 'zod';
import { ConflictError, ForbiddenError, ValidationError } from '../../../errors.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { zodIssuesToFields } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import {
  assertNoOverlappingCycle,
  normalizeDecisionReference,
  validateDeadlines,
  validateLawBounds,
} from '../../checklist/services/validate-cycle-settings.ts';

/** The local overrides a cycle may carry: the rules engine's one schema (unknown keys refused). */
export const cycleOverridesSchema = overridesSchema;

export type CycleOverrides = z.infer<typeof cycleOverridesSchema>;

export function parseOverrides(value: unknown, field: string): CycleOverrides {
  const parsed = cycleOverridesSchema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new ValidationError(
      zodIssuesToFields(parsed.error).map((issue) => ({
        field: issue.field === '(input)' ? field : `${field}.${issue.field}`,
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

export type CycleDeadlineInput = { stage: CycleStatus; dueOn: Date; ownerRole: Role };

/** Opens a DRAFT cycle for one agency and year with its pack, local overrides and stage deadlines. */
export async function createCycle(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  input: {
    year: number;
    name: string;
    packId: string;
    scopeUnitId: string;
    overrides?: unknown;
    appealDays?: number | null;
    deadlines?: CycleDeadlineInput[] | null;
    periodKind?: PeriodKind | null;
    /** the recorded decision behind a setting beyond the law's defaults (a higher quota, a pack's exception) */
    decisionReference?: string | null;
  };
}): Promise<Cycle> {
  const { prisma, viewer, input } = options;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') throw new ForbiddenError();
  if (!unitInScope(viewer, input.scopeUnitId)) {
    throw new ValidationError([
      { field: 'input.scopeUnitId', message: 'Đơn vị ngoài phạm vi / unit outside your scope' },
    ]);
  }
  const overrides = parseOverrides(input.overrides, 'input.overrides');
  const deadlines = validateDeadlines(input.deadlines ?? [], 'input.deadlines');
  const decisionReference = normalizeDecisionReference(input.decisionReference);
  validateLawBounds({
    packId: input.packId,
    year: input.year,
    excellentPercent: overrides.excellentPercent,
    decisionReference,
    field: 'input',
  });
  return prisma.$transaction(async (tx) => {
    const pack = await tx.policyPack.findUnique({ where: { id: input.packId }, select: { id: true } });
    if (!pack) {
      throw new ValidationError([
        { field: 'input.packId', message: `Không có bộ quy tắc / unknown pack "${input.packId}"` },
      ]);
    }
    const existing = await tx.cycle.findFirst({
      where: { scopeUnitId: input.scopeUnitId, year: input.year },
      select: { id: true },
    });
    if (existing) {
      throw new ConflictError(
        `Đã có kỳ đánh giá năm ${input.year} cho đơn vị này / a cycle for ${input.year} already exists`,
      );
    }
    await assertNoOverlappingCycle({ tx, year: input.year, scopeUnitId: input.scopeUnitId });
    const cycle = await tx.cycle.create({
      data: {
        year: input.year,
        name: input.name.trim(),
        packId: input.packId,
        scopeUnitId: input.scopeUnitId,
        overrides: overrides as Prisma.InputJsonValue,
        appealDays: input.appealDays ?? 15,
        // tracked by quarter unless the agency chose otherwise; the older pack rates once a year
        periodKind: input.periodKind ?? (input.packId === 'vn-nd90-2020' ? 'YEAR' : 'QUARTER'),
        createdById: viewer.userId,
        deadlines: { create: deadlines.map((deadline) => ({ ...deadline })) },
      },
      include: { deadlines: true },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'createCycle',
      entity: 'Cycle',
      entityId: cycle.id,
      after: { ...cycle, decisionReference },
    });
    return cycle;
  });
}
