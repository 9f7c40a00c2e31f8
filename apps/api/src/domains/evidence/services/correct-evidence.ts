import type { Cycle, Prisma, PrismaClient } from '@cadre/db';
import {
  assertVersion,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertWritable, findVisibleCycle } from '../../cycles/cycle-access.ts';
import { buildPeopleWhere } from '../../people/build-people-where.ts';
import {
  type EvidenceKind,
  type EvidenceRowOf,
  evidenceFields,
  evidenceTables,
  parseValue,
  sameValue,
} from '../evidence-fields.ts';
import {
  describeRow,
  type EvidenceRow,
  mayCorrectEvidence,
  readClosedPeriods,
} from './read-person-evidence.ts';

// A personnel officer (or whoever may import a person's evidence) corrects one wrong value of an
// imported row, or deletes a row that should never have been imported: always with a reason,
// against the version they read, audited with the row before and after. In a closed period the
// change is also kept as that period's correction (PeriodCorrection), as the tracking screen does.

type StoredRow = Record<string, unknown> & {
  id: string;
  version: number;
  personId: string;
  person: { id: string; unitId: string };
};

/** The few operations used here, alike on every evidence table. */
type Delegate = {
  findFirst(args: { where: Record<string, unknown>; include: unknown }): Promise<StoredRow | null>;
  findUniqueOrThrow(args: { where: { id: string }; include: unknown }): Promise<StoredRow>;
  updateMany(args: {
    where: { id: string; version: number };
    data: Record<string, unknown>;
  }): Promise<{ count: number }>;
  deleteMany(args: { where: { id: string; version: number } }): Promise<{ count: number }>;
};

function delegateOf(tx: Prisma.TransactionClient, kind: EvidenceKind): Delegate {
  const delegates = {
    TASK: tx.task,
    DOSSIER: tx.dossierStat,
    CITIZEN_VOTE: tx.citizenVote,
    DISCIPLINE: tx.disciplineDecision,
    INFRACTION: tx.infraction,
  };
  return delegates[kind] as unknown as Delegate;
}

const include = {
  importBatch: {
    select: {
      id: true,
      fileName: true,
      kind: true,
      createdAt: true,
      createdBy: { select: { displayName: true } },
    },
  },
  person: { select: { id: true, unitId: true } },
};

const kindNames: Record<EvidenceKind, string> = {
  TASK: 'Nhiệm vụ / Task',
  DOSSIER: 'Số liệu hồ sơ / Dossier figures',
  CITIZEN_VOTE: 'Đánh giá của người dân / Citizen ratings',
  DISCIPLINE: 'Quyết định kỷ luật / Discipline decision',
  INFRACTION: 'Vi phạm kỷ cương / Infraction',
};

function assertReason(reason: string | null | undefined): string {
  const text = reason?.trim() ?? '';
  if (text.length < 5) {
    throw new ValidationError([
      {
        field: 'input.reason',
        message: 'Cần nêu lý do (ít nhất 5 ký tự) / a reason is required (at least 5 characters)',
      },
    ]);
  }
  return text.slice(0, 2000);
}

type Found = { cycle: Cycle; row: StoredRow; described: EvidenceRow };

/** The row, its cycle open for evidence, and the viewer allowed to correct it (else a refusal). */
async function findCorrectable(
  tx: Prisma.TransactionClient,
  options: { viewer: Viewer; cycleId: string; kind: EvidenceKind; id: string; version: number },
): Promise<Found> {
  const { viewer, kind } = options;
  const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
  const row = await delegateOf(tx, kind).findFirst({
    where: { id: options.id, person: buildPeopleWhere({ viewer }) },
    include,
  });
  const inCycle =
    row &&
    (kind === 'DISCIPLINE'
      ? [(row.decidedOn as Date).getUTCFullYear(), row.actYear].includes(cycle.year)
      : row.cycleId === cycle.id);
  if (!row || !inCycle) throw new NotFoundError('minh chứng / evidence');
  assertWritable(cycle);
  if (row.person.id === viewer.personId) {
    throw new ForbiddenError('Không tự sửa minh chứng của mình / you cannot correct your own evidence');
  }
  if (!mayCorrectEvidence(viewer, cycle, row.person)) throw new ForbiddenError();
  assertVersion(kindNames[kind], row.version, options.version);
  const described = await describe(tx, kind, row, cycle);
  return { cycle, row, described };
}

async function describe(
  tx: Prisma.TransactionClient,
  kind: EvidenceKind,
  row: StoredRow,
  cycle: Cycle,
): Promise<EvidenceRow> {
  const assigned = typeof row.assignedUnitId === 'string' ? [row.assignedUnitId] : [];
  const closed = await readClosedPeriods(tx, cycle.id, [row.person.unitId, ...assigned]);
  return describeRow(kind, row as unknown as EvidenceRowOf[typeof kind], {
    cycle,
    personUnitId: row.person.unitId,
    closed,
  });
}

/** The checks an import makes across fields, made again on the corrected row. */
function checkCorrected(
  kind: EvidenceKind,
  field: string,
  next: Record<string, unknown>,
  cycle: Cycle,
): void {
  const refuse = (vi: string, en: string): never => {
    throw new ValidationError([{ field: 'input.value', message: `${field}: ${vi} / ${en}` }]);
  };
  const yearOf = (value: unknown) => (value instanceof Date ? value.getUTCFullYear() : null);
  if (kind === 'TASK') {
    if (field === 'dueOn' && yearOf(next.dueOn) !== cycle.year) {
      refuse(`hạn phải thuộc năm ${cycle.year}`, `the due date must fall in ${cycle.year}`);
    }
    if (field === 'planned' && !((next.planned as number) > 0)) {
      refuse('khối lượng kế hoạch phải > 0', 'planned must be above 0');
    }
    if (next.productId && field === 'weight') {
      refuse(
        'trọng số của sản phẩm danh mục theo số lượng × hệ số: sửa số lượng',
        'a catalogue product’s weight is quantity × coefficient: correct the quantity',
      );
    }
  }
  if (kind === 'DOSSIER') {
    const handled = (next.early as number) + (next.onTime as number) + (next.late as number);
    if (handled > (next.received as number)) {
      refuse(
        `trước hạn + đúng hạn + trễ hạn (${handled}) vượt số tiếp nhận (${next.received})`,
        `early + on time + late (${handled}) exceeds received (${next.received})`,
      );
    }
  }
  if (kind === 'DISCIPLINE' && (next.actYear as number) > (yearOf(next.decidedOn) ?? 0)) {
    refuse('năm vi phạm sau ngày quyết định', 'the act cannot follow the decision');
  }
  if (kind === 'INFRACTION' && field === 'occurredOn' && yearOf(next.occurredOn) !== cycle.year) {
    refuse(`ngày phải thuộc năm ${cycle.year}`, `the date must fall in ${cycle.year}`);
  }
}

async function recordPeriodCorrection(
  tx: Prisma.TransactionClient,
  options: { viewer: Viewer; cycle: Cycle; described: EvidenceRow; personId: string; reason: string },
  before: unknown,
  after: unknown,
): Promise<void> {
  const { described } = options;
  if (!described.periodClosed || described.period === null) return;
  await tx.periodCorrection.create({
    data: {
      cycleId: options.cycle.id,
      unitId: described.unitId,
      period: described.period,
      personId: options.personId,
      entity: described.table,
      entityId: described.id,
      reason: options.reason,
      before: JSON.parse(JSON.stringify(before)) as Prisma.InputJsonValue,
      after: after === null ? undefined : (JSON.parse(JSON.stringify(after)) as Prisma.InputJsonValue),
      byUserId: options.viewer.userId,
    },
  });
}

/** The row as the audit log keeps it: its own columns, not the relations read with it. */
function plain(row: StoredRow): Record<string, unknown> {
  const { person: _person, importBatch: _batch, ...columns } = row;
  return columns;
}

export async function correctEvidence(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  kind: EvidenceKind;
  id: string;
  field: string;
  value: string | null | undefined;
  reason: string | null | undefined;
  version: number;
}): Promise<EvidenceRow> {
  const { prisma, viewer, kind, field } = options;
  if (!['ADMIN', 'OFFICER', 'UNIT_HEAD'].includes(viewer.role)) throw new ForbiddenError();
  const spec = evidenceFields[kind].find((candidate) => candidate.name === field);
  if (!spec?.correctable) {
    const allowed = evidenceFields[kind].filter((candidate) => candidate.correctable).map((c) => c.name);
    throw new ValidationError([
      {
        field: 'input.field',
        message: `Không sửa được trường "${field}"; các trường sửa được: ${allowed.join(', ')} / "${field}" cannot be corrected; correctable: ${allowed.join(', ')}`,
      },
    ]);
  }
  const value = parseValue(spec, options.value);
  const reason = assertReason(options.reason);
  return prisma.$transaction(
    async (tx) => {
      const { cycle, row, described } = await findCorrectable(tx, options);
      if (sameValue(row[field], value)) return described;
      const next = { ...row, [field]: value };
      checkCorrected(kind, field, next, cycle);
      const data: Record<string, unknown> = { [field]: value, version: { increment: 1 } };
      if (kind === 'TASK' && field === 'planned' && typeof row.productId === 'string') {
        // a catalogue product's weight is its quantity × the product's coefficient
        const product = await tx.product.findUnique({ where: { id: row.productId } });
        if (product) data.weight = Math.round((value as number) * product.coefficient * 1000) / 1000;
      }
      const delegate = delegateOf(tx, kind);
      const updated = await delegate.updateMany({ where: { id: row.id, version: row.version }, data });
      if (updated.count !== 1) {
        throw new ConflictError(`${kindNames[kind]}: vừa bị sửa / changed meanwhile`);
      }
      const after = await delegate.findUniqueOrThrow({ where: { id: row.id }, include });
      await recordPeriodCorrection(
        tx,
        { viewer, cycle, described, personId: row.person.id, reason },
        plain(row),
        plain(after),
      );
      await writeAudit({
        tx,
        actor: viewer,
        action: 'correctEvidence',
        entity: evidenceTables[kind],
        entityId: row.id,
        before: plain(row),
        after: { ...plain(after), correctedField: field, reason },
      });
      return describe(tx, kind, after, cycle);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

export async function deleteEvidence(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  kind: EvidenceKind;
  id: string;
  reason: string | null | undefined;
  version: number;
}): Promise<EvidenceRow> {
  const { prisma, viewer, kind } = options;
  if (!['ADMIN', 'OFFICER', 'UNIT_HEAD'].includes(viewer.role)) throw new ForbiddenError();
  const reason = assertReason(options.reason);
  return prisma.$transaction(
    async (tx) => {
      const { cycle, row, described } = await findCorrectable(tx, options);
      const deleted = await delegateOf(tx, kind).deleteMany({ where: { id: row.id, version: row.version } });
      if (deleted.count !== 1) {
        throw new ConflictError(`${kindNames[kind]}: vừa bị sửa / changed meanwhile`);
      }
      await recordPeriodCorrection(
        tx,
        { viewer, cycle, described, personId: row.person.id, reason },
        plain(row),
        null,
      );
      await writeAudit({
        tx,
        actor: viewer,
        action: 'deleteEvidence',
        entity: evidenceTables[kind],
        entityId: row.id,
        before: plain(row),
        after: { deleted: true, reason },
      });
      return described;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
