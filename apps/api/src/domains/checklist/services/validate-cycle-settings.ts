import type { CycleStatus, Prisma, Role } from '@cadre/db';
import { checkPackYear, PACK_IDS, type PackId, packs } from '@cadre/rules';
import { ConflictError, type FieldIssue, text, ValidationError } from '../../../errors.ts';
import { cycleOrder, stageIndex } from '../../cycles/cycle-access.ts';

export type DeadlineInput = { stage: CycleStatus; dueOn: Date; ownerRole: Role };

const dayText = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Deadlines name each stage once and follow the workflow's order: a later stage is never due
 * before an earlier one (the review cannot end before the evidence is in).
 */
export function validateDeadlines(deadlines: readonly DeadlineInput[], field: string): DeadlineInput[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<CycleStatus, number>();
  for (const [index, deadline] of deadlines.entries()) {
    if (seen.has(deadline.stage)) {
      issues.push({
        field: `${field}.${index}.stage`,
        ...text('cycle.deadline.repeated', { stage: deadline.stage }),
      });
    }
    seen.set(deadline.stage, index);
  }
  const ordered = [...deadlines.entries()].sort(([, a], [, b]) => stageIndex(a.stage) - stageIndex(b.stage));
  for (let position = 1; position < ordered.length; position += 1) {
    const [, earlier] = ordered[position - 1] as [number, DeadlineInput];
    const [index, later] = ordered[position] as [number, DeadlineInput];
    if (later.dueOn.getTime() < earlier.dueOn.getTime()) {
      issues.push({
        field: `${field}.${index}.dueOn`,
        ...text('cycle.deadline.outOfOrder', {
          later: later.stage,
          laterDay: dayText(later.dueOn),
          earlier: earlier.stage,
          earlierDay: dayText(earlier.dueOn),
        }),
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return [...deadlines].sort((a, b) => cycleOrder.indexOf(a.stage) - cycleOrder.indexOf(b.stage));
}

/** A reference to a recorded decision (số quyết định), e.g. "125/QĐ-UBND": at least a number and a symbol. */
export function normalizeDecisionReference(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

const decisionPattern = /\d+.*\/.+/;

/**
 * The settings the law bounds: the pack must cover the year (or the law's exception be backed by a
 * recorded decision), and an excellent percentage above the pack's (the law's 20%) needs a recorded
 * decision (Nghị định 335/2025 Điều 20 k5 b: an outstanding organisation).
 */
export function validateLawBounds(options: {
  packId: string;
  year: number;
  excellentPercent: number | undefined;
  decisionReference: string | null;
  field: string;
}): void {
  const issues: FieldIssue[] = [];
  const { decisionReference, field } = options;
  if (decisionReference !== null && !decisionPattern.test(decisionReference)) {
    issues.push({
      field: `${field}.decisionReference`,
      ...text('cycle.decisionReference.malformed', { reference: decisionReference }),
    });
  }
  if ((PACK_IDS as readonly string[]).includes(options.packId)) {
    const packId = options.packId as PackId;
    const validity = checkPackYear(packId, options.year);
    if (!validity.valid && (validity.exception === null || decisionReference === null)) {
      issues.push({
        field: `${field}.packId`,
        message: `${validity.message}${validity.exception ? `; ngoại lệ: ${validity.exception}` : ''} / ${validity.messageEn}${validity.exception ? '; an exception needs decisionReference' : ''}`,
      });
    }
    const lawPercent = packs[packId].defaults.excellentPercent;
    if (
      options.excellentPercent !== undefined &&
      options.excellentPercent > lawPercent &&
      decisionReference === null
    ) {
      issues.push({
        field: `${field}.overrides.excellentPercent`,
        ...text('cycle.excellentAboveLaw', { percent: options.excellentPercent, law: lawPercent }),
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * One cycle per year over any unit: a new cycle may not cover units another cycle of the same year
 * already covers (its agency above, below or the same).
 */
export async function assertNoOverlappingCycle(options: {
  tx: Prisma.TransactionClient;
  year: number;
  scopeUnitId: string;
}): Promise<void> {
  const { tx, year } = options;
  const others = await tx.cycle.findMany({
    where: { year },
    select: { id: true, name: true, scopeUnitId: true, scopeUnit: { select: { name: true } } },
  });
  if (others.length === 0) return;
  const units = await tx.unit.findMany({ select: { id: true, parentId: true } });
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const chain = (id: string) => {
    const ids = new Set<string>();
    let current: string | null | undefined = id;
    while (current && !ids.has(current)) {
      ids.add(current);
      current = parentOf.get(current);
    }
    return ids;
  };
  const mine = chain(options.scopeUnitId);
  for (const other of others) {
    if (mine.has(other.scopeUnitId) || chain(other.scopeUnitId).has(options.scopeUnitId)) {
      throw new ConflictError(
        text('cycle.overlapping', { year, name: other.name, unit: other.scopeUnit.name }),
      );
    }
  }
}
