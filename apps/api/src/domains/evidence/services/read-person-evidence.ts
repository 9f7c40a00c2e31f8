import type { Cycle, ImportKind, Person, Prisma } from '@cadre/db';
import { NotFoundError } from '../../../errors.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { findVisibleCycle, isReadOnly } from '../../cycles/cycle-access.ts';
import { buildPeopleWhere } from '../../people/build-people-where.ts';
import { periodOfTask } from '../../periods/period-calendar.ts';
import {
  type EvidenceKind,
  type EvidenceRowOf,
  evidenceFields,
  evidenceKinds,
  evidenceTables,
  type FieldSpec,
  formatValue,
} from '../evidence-fields.ts';

export type EvidenceSource = {
  batchId: string;
  fileName: string;
  importKind: ImportKind;
  importedAt: Date;
  importedBy: string | null;
};

export type EvidenceField = FieldSpec & { value: string | null };

export type EvidenceRow = {
  kind: EvidenceKind;
  id: string;
  table: string;
  /** the period the row counts in; null: the whole year */
  period: number | null;
  /** the unit whose period it is (the assigning unit of work assigned from elsewhere) */
  unitId: string;
  periodClosed: boolean;
  label: string | null;
  version: number;
  fields: EvidenceField[];
  source: EvidenceSource | null;
};

export type PersonEvidence = {
  person: Pick<Person, 'id' | 'code' | 'fullName' | 'unitId'>;
  cycle: Cycle;
  mayCorrect: boolean;
  rows: EvidenceRow[];
};

const sourceSelect = {
  select: {
    id: true,
    fileName: true,
    kind: true,
    createdAt: true,
    createdBy: { select: { displayName: true } },
  },
} satisfies Prisma.ImportBatchDefaultArgs;

type SourceRow = Prisma.ImportBatchGetPayload<typeof sourceSelect> | null;

/**
 * Who may correct a person's evidence: a personnel officer or admin, or a unit head (whoever may
 * import evidence), with the person's unit inside their scope, never their own; the cycle not
 * published or archived (the same states that refuse an import).
 */
export function mayCorrectEvidence(viewer: Viewer, cycle: Cycle, person: { id: string; unitId: string }) {
  return (
    ['ADMIN', 'OFFICER', 'UNIT_HEAD'].includes(viewer.role) &&
    unitInScope(viewer, person.unitId) &&
    person.id !== viewer.personId &&
    !isReadOnly(cycle.status)
  );
}

/** The window of a cycle for evidence without a cycle of its own (discipline decisions). */
export function disciplineInCycle(cycle: Cycle): Prisma.DisciplineDecisionWhereInput {
  return {
    OR: [
      {
        decidedOn: {
          gte: new Date(Date.UTC(cycle.year, 0, 1)),
          lt: new Date(Date.UTC(cycle.year + 1, 0, 1)),
        },
      },
      { actYear: cycle.year },
    ],
  };
}

function toSource(batch: SourceRow): EvidenceSource | null {
  if (!batch) return null;
  return {
    batchId: batch.id,
    fileName: batch.fileName,
    importKind: batch.kind,
    importedAt: batch.createdAt,
    importedBy: batch.createdBy?.displayName ?? null,
  };
}

function fieldsOf(kind: EvidenceKind, row: Record<string, unknown>): EvidenceField[] {
  return evidenceFields[kind].map((spec) => ({ ...spec, value: formatValue(row[spec.name]) }));
}

/** One row as shown: its fields, its period and its source import. */
export function describeRow<K extends EvidenceKind>(
  kind: K,
  row: EvidenceRowOf[K] & { importBatch?: SourceRow },
  context: { cycle: Cycle; personUnitId: string; closed: Set<string> },
): EvidenceRow {
  const { cycle } = context;
  let period: number | null = null;
  let unitId = context.personUnitId;
  let label: string | null = null;
  if (kind === 'TASK') {
    const task = row as EvidenceRowOf['TASK'];
    period = periodOfTask(cycle.periodKind, cycle.year, task);
    unitId = task.assignedUnitId ?? context.personUnitId;
    label = `${task.code} — ${task.title}`;
  } else if (kind === 'DOSSIER' || kind === 'CITIZEN_VOTE') {
    const counted = row as EvidenceRowOf['DOSSIER'] | EvidenceRowOf['CITIZEN_VOTE'];
    period = counted.period === 0 ? null : counted.period;
    if (kind === 'CITIZEN_VOTE') label = (row as EvidenceRowOf['CITIZEN_VOTE']).source;
  } else if (kind === 'DISCIPLINE') {
    label = (row as EvidenceRowOf['DISCIPLINE']).number;
  }
  return {
    kind,
    id: row.id,
    table: evidenceTables[kind],
    period,
    unitId,
    periodClosed: period !== null && context.closed.has(`${unitId}|${period}`),
    label,
    version: row.version,
    fields: fieldsOf(kind, row as unknown as Record<string, unknown>),
    source: toSource(row.importBatch ?? null),
  };
}

/** The closed periods of the cycle for these units, as `unitId|period`. */
export async function readClosedPeriods(
  tx: Prisma.TransactionClient,
  cycleId: string,
  unitIds: string[],
): Promise<Set<string>> {
  const closures = await tx.periodClosure.findMany({
    where: { cycleId, unitId: { in: [...new Set(unitIds)] }, state: 'CLOSED' },
    select: { unitId: true, period: true },
  });
  return new Set(closures.map((row) => `${row.unitId}|${row.period}`));
}

/**
 * A person's evidence of a cycle, kind by kind and period by period, each row with the import it
 * came from. The person must be one the viewer may read (else NOT_FOUND, as for a missing one).
 */
export async function readPersonEvidence(options: {
  tx: Prisma.TransactionClient;
  viewer: Viewer;
  cycleId: string;
  personId: string;
  kind?: EvidenceKind | null;
  period?: number | null;
}): Promise<PersonEvidence> {
  const { tx, viewer } = options;
  const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
  const person = await tx.person.findFirst({
    where: { id: options.personId, AND: [buildPeopleWhere({ viewer })] },
    select: { id: true, code: true, fullName: true, unitId: true },
  });
  if (!person) throw new NotFoundError('cán bộ / person');
  const wanted = (kind: EvidenceKind) => !options.kind || options.kind === kind;
  const byPerson = { personId: person.id };
  const include = { importBatch: sourceSelect };
  const [tasks, dossiers, votes, discipline, infractions] = await Promise.all([
    wanted('TASK')
      ? tx.task.findMany({
          where: { ...byPerson, cycleId: cycle.id },
          include,
          orderBy: [{ dueOn: 'asc' }, { code: 'asc' }],
        })
      : [],
    wanted('DOSSIER')
      ? tx.dossierStat.findMany({
          where: { ...byPerson, cycleId: cycle.id },
          include,
          orderBy: { period: 'asc' },
        })
      : [],
    wanted('CITIZEN_VOTE')
      ? tx.citizenVote.findMany({
          where: { ...byPerson, cycleId: cycle.id },
          include,
          orderBy: [{ period: 'asc' }, { source: 'asc' }],
        })
      : [],
    wanted('DISCIPLINE')
      ? tx.disciplineDecision.findMany({
          where: { ...byPerson, AND: [disciplineInCycle(cycle)] },
          include,
          orderBy: [{ decidedOn: 'asc' }, { id: 'asc' }],
        })
      : [],
    wanted('INFRACTION')
      ? tx.infraction.findMany({
          where: { ...byPerson, cycleId: cycle.id },
          include,
          orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }],
        })
      : [],
  ]);
  const closed = await readClosedPeriods(tx, cycle.id, [
    person.unitId,
    ...tasks.flatMap((task) => (task.assignedUnitId ? [task.assignedUnitId] : [])),
  ]);
  const context = { cycle, personUnitId: person.unitId, closed };
  const rows: EvidenceRow[] = [
    ...tasks.map((row) => describeRow('TASK', row, context)),
    ...dossiers.map((row) => describeRow('DOSSIER', row, context)),
    ...votes.map((row) => describeRow('CITIZEN_VOTE', row, context)),
    ...discipline.map((row) => describeRow('DISCIPLINE', row, context)),
    ...infractions.map((row) => describeRow('INFRACTION', row, context)),
  ].filter((row) => options.period === null || options.period === undefined || row.period === options.period);
  // kinds in their fixed order, then by period (the year's rows first)
  rows.sort(
    (a, b) =>
      evidenceKinds.indexOf(a.kind) - evidenceKinds.indexOf(b.kind) || (a.period ?? 0) - (b.period ?? 0),
  );
  return { person, cycle, mayCorrect: mayCorrectEvidence(viewer, cycle, person), rows };
}
