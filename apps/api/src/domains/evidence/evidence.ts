import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { ValidationError } from '../../errors.ts';
import type { GlobalId } from '../../ids.ts';
import { localId } from '../../ids.ts';
import { PeriodKindEnum } from '../../schema/enums.ts';
import { writeErrors } from '../../schema/errors.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { type EvidenceKind, fieldTypes, kindOfTable } from './evidence-fields.ts';
import { ImportKindEnum } from './import.ts';
import { correctEvidence, deleteEvidence } from './services/correct-evidence.ts';
import {
  type EvidenceField,
  type EvidenceRow,
  type EvidenceSource,
  type PersonEvidence,
  readPersonEvidence,
} from './services/read-person-evidence.ts';

// A person's imported evidence, shown row by row with the import it came from, and corrected (or
// a wrong row deleted) with a reason by those who may import it.

const EvidenceKindEnum = builder.enumType('EvidenceKind', {
  values: {
    TASK: { description: 'a task (nhiệm vụ) with its quantities' },
    DOSSIER: { description: 'administrative-procedure dossiers handled (hồ sơ TTHC), apologies issued' },
    CITIZEN_VOTE: { description: 'citizens’ ratings by source' },
    DISCIPLINE: { description: 'a discipline decision (of the cycle’s year, or for an act of it)' },
    INFRACTION: { description: 'a breach of working discipline (kỷ cương)' },
  } satisfies Record<EvidenceKind, { description: string }>,
});

const EvidenceFieldTypeEnum = builder.enumType('EvidenceFieldType', { values: fieldTypes });

const EvidenceFieldRef = builder.objectRef<EvidenceField>('EvidenceField').implement({
  description: 'One value of an evidence row, as text (dates YYYY-MM-DD, booleans true/false)',
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.field({ type: EvidenceFieldTypeEnum, resolve: (field) => field.type }),
    value: t.exposeString('value', { nullable: true }),
    correctable: t.exposeBoolean('correctable'),
    nullable: t.boolean({ resolve: (field) => field.nullable ?? false }),
    min: t.float({ nullable: true, resolve: (field) => field.min ?? null }),
    options: t.stringList({
      nullable: true,
      resolve: (field) => (field.options ? [...field.options] : null),
    }),
  }),
});

const EvidenceSourceRef = builder.objectRef<EvidenceSource>('EvidenceSource').implement({
  description: 'The import batch (and file) that wrote an evidence row',
  fields: (t) => ({
    batchId: t.id({ resolve: (source) => encodeGlobalID('ImportBatch', source.batchId) }),
    fileName: t.exposeString('fileName'),
    importKind: t.field({ type: ImportKindEnum, resolve: (source) => source.importKind }),
    importedAt: t.field({ type: 'DateTime', resolve: (source) => source.importedAt }),
    importedBy: t.exposeString('importedBy', { nullable: true }),
  }),
});

const EvidenceRowRef = builder.objectRef<EvidenceRow>('EvidenceRow').implement({
  description: 'One row of a person’s evidence in a cycle',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID(row.table, row.id) }),
    kind: t.field({ type: EvidenceKindEnum, resolve: (row) => row.kind }),
    period: t.int({
      nullable: true,
      description: 'the period it counts in; null: the whole year',
      resolve: (row) => row.period,
    }),
    periodClosed: t.exposeBoolean('periodClosed', {
      description: 'its period is closed: a change is kept as the period’s correction',
    }),
    label: t.exposeString('label', {
      nullable: true,
      description: 'what tells it apart: a task’s code and title, a source, a decision number',
    }),
    version: t.exposeInt('version'),
    fields: t.field({ type: [EvidenceFieldRef], resolve: (row) => row.fields }),
    source: t.field({
      type: EvidenceSourceRef,
      nullable: true,
      description: 'the import that wrote it; null: typed in on a screen or loaded otherwise',
      resolve: (row) => row.source,
    }),
  }),
});

const PersonEvidenceRef = builder.objectRef<PersonEvidence>('PersonEvidence').implement({
  fields: (t) => ({
    personId: t.id({ resolve: (view) => encodeGlobalID('Person', view.person.id) }),
    code: t.string({ resolve: (view) => view.person.code }),
    fullName: t.string({ resolve: (view) => view.person.fullName }),
    cycleId: t.id({ resolve: (view) => encodeGlobalID('Cycle', view.cycle.id) }),
    periodKind: t.field({ type: PeriodKindEnum, resolve: (view) => view.cycle.periodKind }),
    mayCorrect: t.exposeBoolean('mayCorrect', {
      description:
        'the caller may correct or delete these rows (who may import them; the cycle not published)',
    }),
    rows: t.field({ type: [EvidenceRowRef], resolve: (view) => view.rows }),
  }),
});

const DeletedEvidenceRef = builder.objectRef<EvidenceRow>('DeletedEvidence').implement({
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID(row.table, row.id) }),
    kind: t.field({ type: EvidenceKindEnum, resolve: (row) => row.kind }),
  }),
});

const CorrectEvidenceInput = builder.inputType('CorrectEvidenceInput', {
  fields: (t) => ({
    cycleId: t.globalID({ required: true }),
    id: t.globalID({ required: true, description: 'the evidence row (EvidenceRow.id)' }),
    field: t.string({ required: true, description: 'a correctable field’s name (EvidenceField.name)' }),
    value: t.string({ required: false, description: 'the new value as text; empty clears a nullable field' }),
    reason: t.string({ required: true, description: 'why (at least 5 characters)' }),
    version: t.int({ required: true, description: 'the row’s version as read' }),
  }),
});

const DeleteEvidenceInput = builder.inputType('DeleteEvidenceInput', {
  fields: (t) => ({
    cycleId: t.globalID({ required: true }),
    id: t.globalID({ required: true }),
    reason: t.string({ required: true }),
    version: t.int({ required: true }),
  }),
});

function evidenceKindOf(id: GlobalId): EvidenceKind {
  const kind = kindOfTable(id.typename);
  if (!kind) {
    throw new ValidationError([
      { field: 'input.id', message: `Không phải mã minh chứng / not an evidence row id (${id.typename})` },
    ]);
  }
  return kind;
}

builder.queryFields((t) => ({
  personEvidence: t.withAuth({ loggedIn: true }).field({
    type: PersonEvidenceRef,
    description:
      'a person’s evidence of a cycle, each row with the import it came from (people the caller may read)',
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      personId: t.arg.globalID({ required: true }),
      kind: t.arg({ type: EvidenceKindEnum, required: false }),
      period: t.arg.int({ required: false }),
    },
    resolve: (_root, args, context) =>
      readPersonEvidence({
        tx: context.prisma,
        viewer: context.viewer,
        cycleId: args.cycleId.id,
        personId: localId(args.personId, 'Person', 'personId'),
        kind: args.kind,
        period: args.period,
      }),
  }),
}));

builder.mutationFields((t) => ({
  correctEvidence: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: EvidenceRowRef,
    errors: { types: writeErrors },
    description: 'corrects one value of an evidence row, with a reason, against the version read',
    args: { input: t.arg({ type: CorrectEvidenceInput, required: true }) },
    resolve: (_root, args, context) => {
      const { input } = args;
      return correctEvidence({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: localId(input.cycleId, 'Cycle', 'input.cycleId'),
        kind: evidenceKindOf(input.id),
        id: input.id.id,
        field: input.field,
        value: input.value,
        reason: input.reason,
        version: input.version,
      });
    },
  }),
  deleteEvidence: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: DeletedEvidenceRef,
    errors: { types: writeErrors },
    description: 'deletes an evidence row that should not have been recorded, with a reason',
    args: { input: t.arg({ type: DeleteEvidenceInput, required: true }) },
    resolve: (_root, args, context) => {
      const { input } = args;
      return deleteEvidence({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: localId(input.cycleId, 'Cycle', 'input.cycleId'),
        kind: evidenceKindOf(input.id),
        id: input.id.id,
        reason: input.reason,
        version: input.version,
      });
    },
  }),
}));
