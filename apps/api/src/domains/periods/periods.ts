import type { ImportMapping, JobPosition, PeriodClosure, Product, Unit } from '@cadre/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { localId } from '../../ids.ts';
import type { ImportColumn } from '../../imports/import-kind.ts';
import { importKinds } from '../../imports/import-kinds.ts';
import type { PersonEvaluation, TraceEntry } from '../../rules/scenario.ts';
import { writeErrors } from '../../schema/errors.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { ImportKindEnum } from '../evidence/import.ts';
import { buildPeopleWhere } from '../people/build-people-where.ts';
import { buildUnitsWhere } from '../units/build-units-where.ts';
import { UnitRef } from '../units/unit.ts';
import { assignWork } from './services/assign-work.ts';
import { closePeriod } from './services/close-period.ts';
import {
  type PeriodProgress,
  readPeriodProgress,
  type UnitProgress,
} from './services/read-period-progress.ts';
import {
  type PeriodTracking,
  readPeriodTracking,
  type TrackedAssignment,
  type TrackedPerson,
} from './services/read-period-tracking.ts';
import { type PersonPeriod, type PersonPeriods, readPersonPeriods } from './services/read-person-periods.ts';
import { recordPeriodResults } from './services/record-period-results.ts';
import { mayReopenPeriods, reopenPeriod, reopenRoles } from './services/reopen-period.ts';
import { saveImportMapping } from './services/save-import-mapping.ts';
import { saveJobPosition } from './services/save-job-position.ts';
import { saveProduct } from './services/save-product.ts';

// DOMAIN.md §2: continuous evaluation — a catalogue of products per job position, work assigned
// and recorded per period, the engine's period scores as they stand, periods closed per unit.

const PeriodStateEnum = builder.enumType('PeriodState', { values: ['OPEN', 'CLOSED'] as const });

export const ProductRef = builder.objectRef<Product>('Product').implement({
  description: 'A product type of a job position’s catalogue (sản phẩm/công việc quy đổi) in a cycle',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID('Product', row.id) }),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    unitOfCount: t.exposeString('unitOfCount', { description: 'đơn vị tính: hồ sơ, văn bản, báo cáo…' }),
    coefficient: t.exposeFloat('coefficient', {
      description: 'hệ số quy đổi to the position’s standard product',
    }),
    active: t.exposeBoolean('active'),
    version: t.exposeInt('version'),
    jobPositionId: t.id({ resolve: (row) => encodeGlobalID('JobPosition', row.jobPositionId) }),
  }),
});

export const JobPositionRef = builder.objectRef<JobPosition>('JobPosition').implement({
  description: 'Vị trí việc làm: a job position and its catalogue',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID('JobPosition', row.id) }),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    active: t.exposeBoolean('active'),
    products: t.field({
      type: [ProductRef],
      description: 'the catalogue of the position in a cycle',
      args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
      resolve: (row, args, context) =>
        context.prisma.product.findMany({
          where: { jobPositionId: row.id, cycleId: args.cycleId.id },
          orderBy: { code: 'asc' },
        }),
    }),
  }),
});

const AssignmentRef = builder.objectRef<TrackedAssignment>('Assignment').implement({
  description: 'A piece of work of a person in a period: a catalogue product × a quantity, or a free task',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID('Task', row.id) }),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    product: t.field({ type: ProductRef, nullable: true, resolve: (row) => row.product }),
    period: t.int({ nullable: true, resolve: (row) => row.period }),
    assigned: t.exposeFloat('planned', { description: 'the assigned quantity' }),
    completed: t.exposeFloat('actual', { description: 'the completed quantity' }),
    weight: t.exposeFloat('weight', { description: 'converted weight: quantity × coefficient' }),
    dueOn: t.field({ type: 'Date', resolve: (row) => row.dueOn }),
    finishedOn: t.field({ type: 'Date', nullable: true, resolve: (row) => row.completedOn }),
    failedReviews: t.exposeInt('majorErrors', { description: 'quality reviews failed' }),
    delays: t.exposeInt('delays'),
    excused: t.exposeBoolean('excused'),
    excuseReason: t.exposeString('excuseNote', { nullable: true }),
    excusedBy: t.exposeString('excusedBy', { nullable: true }),
    assignedByOtherUnit: t.boolean({ resolve: (row) => row.assignedUnitId !== null }),
    version: t.exposeInt('version'),
  }),
});

type LiveScore = NonNullable<PersonEvaluation['periods']>[number];

const LivePeriodScoreRef = builder.objectRef<LiveScore>('LivePeriodScore').implement({
  description: 'The engine’s result for one period, as the evidence stands now',
  fields: (t) => ({
    period: t.exposeInt('period'),
    score: t.exposeFloat('score'),
    tasks: t.float({ resolve: (row) => row.components.tasks }),
    conduct: t.float({ resolve: (row) => row.components.conduct }),
    reform: t.float({ resolve: (row) => row.components.reform }),
    citizens: t.float({ resolve: (row) => row.components.citizens }),
  }),
});

const PeriodClosureRef = builder.objectRef<PeriodClosure>('PeriodClosure').implement({
  fields: (t) => ({
    period: t.exposeInt('period'),
    state: t.field({ type: PeriodStateEnum, resolve: (row) => row.state }),
    closedByName: t.exposeString('closedByName', { nullable: true }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.closedAt }),
    reopenReason: t.exposeString('reopenReason', { nullable: true }),
    reopenedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.reopenedAt }),
    version: t.exposeInt('version'),
  }),
});

const TrackedPersonRef = builder.objectRef<TrackedPerson>('TrackedPerson').implement({
  fields: (t) => ({
    personId: t.id({ resolve: (row) => encodeGlobalID('Person', row.person.id) }),
    code: t.string({ resolve: (row) => row.person.code }),
    fullName: t.string({ resolve: (row) => row.person.fullName }),
    positionTitle: t.string({ nullable: true, resolve: (row) => row.person.positionTitle }),
    jobPosition: t.string({ nullable: true, resolve: (row) => row.jobPosition?.name ?? null }),
    jobPositionId: t.id({
      nullable: true,
      resolve: (row) => (row.jobPosition ? encodeGlobalID('JobPosition', row.jobPosition.id) : null),
    }),
    leadsUnit: t.exposeBoolean('leadsUnit'),
    assessment: t.float({
      nullable: true,
      description: 'the head’s assessment A (0–10) for the period',
      resolve: (row) => row.assessment?.conductAssessment ?? null,
    }),
    needsAssessment: t.exposeBoolean('needsAssessment'),
    assignments: t.field({ type: [AssignmentRef], resolve: (row) => row.assignments }),
    periodScore: t.field({
      type: LivePeriodScoreRef,
      nullable: true,
      description: 'the engine’s score of the period; null when not scored in it',
      resolve: (row) => row.evaluation?.periods?.find((entry) => entry.period === row.period) ?? null,
    }),
    yearScore: t.float({ nullable: true, resolve: (row) => row.evaluation?.score ?? null }),
  }),
});

const PeriodTrackingRef = builder.objectRef<PeriodTracking>('PeriodTracking').implement({
  description: 'A unit’s period as its head tracks it',
  fields: (t) => ({
    cycle: t.field({ type: CycleRef, resolve: (view) => view.cycle }),
    unit: t.field({ type: UnitRef, resolve: (view) => view.unit }),
    period: t.exposeInt('period'),
    label: t.exposeString('label'),
    state: t.field({ type: PeriodStateEnum, resolve: (view) => view.closure?.state ?? 'OPEN' }),
    closure: t.field({ type: PeriodClosureRef, nullable: true, resolve: (view) => view.closure }),
    people: t.field({ type: [TrackedPersonRef], resolve: (view) => view.people }),
    missingAssessments: t.int({
      description: 'people with work in the period still without the head’s assessment (closing is refused)',
      resolve: (view) => view.people.filter((row) => row.needsAssessment && !row.assessment).length,
    }),
    viewerCanReopen: t.boolean({
      description:
        'whether the viewer may open the closed period again (the personnel office; heads correct with a reason)',
      resolve: (view, _args, context) => view.closure?.state === 'CLOSED' && mayReopenPeriods(context.viewer),
    }),
  }),
});

const UnitProgressRef = builder.objectRef<UnitProgress>('UnitPeriodProgress').implement({
  fields: (t) => ({
    unit: t.field({ type: UnitRef, resolve: (row) => row.unit as Unit }),
    closedPeriods: t.intList({
      resolve: (row) =>
        row.closures.filter((closure) => closure.state === 'CLOSED').map((closure) => closure.period),
    }),
    closures: t.field({ type: [PeriodClosureRef], resolve: (row) => row.closures }),
  }),
});

const PeriodProgressRef = builder.objectRef<PeriodProgress>('PeriodProgress').implement({
  fields: (t) => ({
    cycle: t.field({ type: CycleRef, resolve: (view) => view.cycle }),
    periodCount: t.exposeInt('periodCount'),
    closedCounts: t.intList({
      description: 'per period: units that closed it',
      resolve: (view) => view.closedCounts,
    }),
    unitCount: t.int({ resolve: (view) => view.units.length }),
    units: t.field({ type: [UnitProgressRef], resolve: (view) => view.units }),
  }),
});

const PeriodTraceRef = builder.objectRef<TraceEntry>('PeriodTraceEntry').implement({
  fields: (t) => ({
    rule: t.exposeString('rule'),
    citation: t.exposeString('citation'),
    effect: t.exposeString('effect'),
    detail: t.exposeString('detail'),
  }),
});

const PersonPeriodRef = builder.objectRef<PersonPeriod>('PersonPeriod').implement({
  fields: (t) => ({
    period: t.exposeInt('period'),
    label: t.exposeString('label'),
    score: t.field({ type: LivePeriodScoreRef, nullable: true, resolve: (row) => row.result }),
    tasks: t.exposeInt('tasks'),
    late: t.exposeInt('late'),
    failedReviews: t.exposeInt('failedReviews'),
    excused: t.exposeInt('excused'),
    assessment: t.exposeFloat('assessment', { nullable: true }),
    closed: t.exposeBoolean('closed'),
  }),
});

const PersonPeriodsRef = builder.objectRef<PersonPeriods>('PersonPeriods').implement({
  fields: (t) => ({
    cycle: t.field({ type: CycleRef, resolve: (view) => view.cycle }),
    fullName: t.string({ resolve: (view) => view.person.fullName }),
    score: t.exposeFloat('score', { nullable: true, description: 'the year: the mean of the period scores' }),
    rating: t.exposeString('rating', { nullable: true }),
    periods: t.field({ type: [PersonPeriodRef], resolve: (view) => view.periods }),
    trace: t.field({ type: [PeriodTraceRef], resolve: (view) => view.trace }),
  }),
});

// Effective-dated units (DOMAIN.md §8): a merger or split closes the old units and names their
// successors; earlier years' ratings stay with the units of their time.
builder.prismaObjectFields('Unit', (t) => ({
  validFrom: t.field({ type: 'Date', nullable: true, resolve: (unit) => unit.validFrom }),
  validTo: t.field({
    type: 'Date',
    nullable: true,
    description: 'the last day in force (closed by a merger or split); null while in force',
    resolve: (unit) => unit.validTo,
  }),
  successors: t.loadableList({
    type: UnitRef,
    description: 'the units that took this one over',
    load: (ids: string[], context: Context) => linkedUnits(context, ids, 'successors'),
    resolve: (unit) => unit.id,
  }),
  predecessors: t.loadableList({
    type: UnitRef,
    description: 'the units this one succeeded',
    load: (ids: string[], context: Context) => linkedUnits(context, ids, 'predecessors'),
    resolve: (unit) => unit.id,
  }),
}));

/**
 * The successors (or predecessors) of many units in one query, each list by name, within the
 * viewer's units: a tree of 100 units asks once, not 100 times.
 */
async function linkedUnits(
  context: Context,
  ids: string[],
  direction: 'successors' | 'predecessors',
): Promise<Unit[][]> {
  const scope = context.viewer ? buildUnitsWhere({ viewer: context.viewer }) : { id: { in: [] } };
  const links = await context.prisma.unitSuccession.findMany({
    where:
      direction === 'successors'
        ? { predecessorId: { in: ids }, successor: scope }
        : { successorId: { in: ids }, predecessor: scope },
    include: { successor: direction === 'successors', predecessor: direction === 'predecessors' },
  });
  const byUnit = new Map<string, Unit[]>(ids.map((id) => [id, []]));
  for (const link of links) {
    const from = direction === 'successors' ? link.predecessorId : link.successorId;
    const other = direction === 'successors' ? link.successor : link.predecessor;
    if (other) byUnit.get(from)?.push(other);
  }
  const collator = new Intl.Collator('vi');
  return ids.map((id) => (byUnit.get(id) ?? []).sort((a, b) => collator.compare(a.name, b.name)));
}

type HistoryRow = { year: number; rating: string; titles: string[]; unitName: string | null };

const RatingHistoryRef = builder.objectRef<HistoryRow>('RatingHistoryEntry').implement({
  description: 'a rating of a year before the platform, under the unit as it was that year',
  fields: (t) => ({
    year: t.exposeInt('year'),
    rating: t.exposeString('rating'),
    titles: t.exposeStringList('titles'),
    unitName: t.exposeString('unitName', { nullable: true }),
  }),
});

const ImportMappingRef = builder.objectRef<ImportMapping>('ImportMapping').implement({
  description: 'How a source system’s export names the columns of an import kind',
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, resolve: (row) => row.kind }),
    source: t.exposeString('source'),
    columns: t.expose('columns', { type: 'JSON', description: '{ column key: the source’s heading }' }),
    updatedAt: t.field({ type: 'DateTime', resolve: (row) => row.updatedAt }),
  }),
});

const ImportColumnRef = builder.objectRef<ImportColumn>('ImportColumn').implement({
  description: 'A column of an import kind’s template, which a source’s heading maps onto',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'the key a mapping names it by (also accepted as a heading)' }),
    header: t.exposeString('header', { description: 'the Vietnamese heading printed on the template' }),
    required: t.exposeBoolean('required'),
  }),
});

builder.queryFields((t) => ({
  importMappings: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: [ImportMappingRef],
    description: 'the saved column mappings of the source systems (pass one as ?source= when uploading)',
    args: { kind: t.arg({ type: ImportKindEnum, required: false }) },
    resolve: (_root, args, context) =>
      context.prisma.importMapping.findMany({
        where: args.kind ? { kind: args.kind } : {},
        orderBy: [{ kind: 'asc' }, { source: 'asc' }],
      }),
  }),
  importColumns: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: [ImportColumnRef],
    description: 'the columns of an import kind’s template, in the template’s order',
    args: { kind: t.arg({ type: ImportKindEnum, required: true }) },
    resolve: (_root, args) => importKinds[args.kind].columns,
  }),
  ratingHistory: t.withAuth({ loggedIn: true }).field({
    type: [RatingHistoryRef],
    description: 'a person’s earlier ratings, each under the unit of its year (empty when not visible)',
    args: { personId: t.arg.globalID({ required: true }) },
    resolve: async (_root, args, context) => {
      const rows = await context.prisma.ratingHistory.findMany({
        where: {
          personId: localId(args.personId, 'Person', 'personId'),
          person: buildPeopleWhere({ viewer: context.viewer }),
        },
        include: { unit: { select: { name: true } } },
        orderBy: { year: 'asc' },
      });
      return rows.map((row) => ({
        year: row.year,
        rating: row.rating,
        titles: row.titles,
        unitName: row.unit?.name ?? null,
      }));
    },
  }),
  jobPositions: t.withAuth({ loggedIn: true }).field({
    type: [JobPositionRef],
    description: 'the job positions (vị trí việc làm); their catalogues per cycle',
    resolve: (_root, _args, context) => context.prisma.jobPosition.findMany({ orderBy: { code: 'asc' } }),
  }),
  periodTracking: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: PeriodTrackingRef,
    description: 'a unit’s period: people, assignments, assessments and the engine’s period scores now',
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      unitId: t.arg.globalID({ required: true }),
      period: t.arg.int({ required: true }),
    },
    resolve: async (_root, args, context) => {
      const tree = await context.unitTrees.get();
      return context.prisma.$transaction(
        (tx) =>
          readPeriodTracking({
            tx,
            viewer: context.viewer,
            tree,
            cycleId: args.cycleId.id,
            unitId: localId(args.unitId, 'Unit', 'unitId'),
            period: args.period,
          }),
        { timeout: 60_000, maxWait: 30_000 },
      );
    },
  }),
  periodProgress: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: PeriodProgressRef,
    description: 'which units have closed which periods of the cycle',
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: (_root, args, context) =>
      readPeriodProgress({ prisma: context.prisma, viewer: context.viewer, cycleId: args.cycleId.id }),
  }),
  personPeriods: t.withAuth({ loggedIn: true }).field({
    type: PersonPeriodsRef,
    nullable: true,
    description: 'a person’s period scores of the year with their evidence (default: the caller’s own)',
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      personId: t.arg.globalID({ required: false }),
    },
    resolve: async (_root, args, context) => {
      const personId = args.personId ? localId(args.personId, 'Person', 'personId') : context.viewer.personId;
      if (!personId) return null;
      return readPersonPeriods({
        prisma: context.prisma,
        viewer: context.viewer,
        tree: await context.unitTrees.get(),
        cycleId: args.cycleId.id,
        personId,
      });
    },
  }),
}));

const ProductInput = builder.inputType('ProductInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    unitOfCount: t.string({ required: true }),
    coefficient: t.float({ required: true }),
    active: t.boolean({ required: false }),
  }),
});

const PeriodResultInput = builder.inputType('PeriodResultInput', {
  fields: (t) => ({
    assignmentId: t.globalID({ required: true }),
    completed: t.float({ required: true, description: 'the completed quantity' }),
    finishedOn: t.field({ type: 'Date', required: false }),
    failedReviews: t.int({ required: false }),
    delays: t.int({ required: false }),
    excused: t.boolean({ required: false }),
    excuseReason: t.string({ required: false }),
    excusedBy: t.string({ required: false }),
    version: t.int({ required: false }),
  }),
});

const PeriodAssessmentInput = builder.inputType('PeriodAssessmentInput', {
  fields: (t) => ({
    personId: t.globalID({ required: true }),
    conductAssessment: t.float({ required: true, description: 'A, 0–10' }),
  }),
});

const RecordPeriodResultsInput = builder.inputType('RecordPeriodResultsInput', {
  fields: (t) => ({
    cycleId: t.globalID({ required: true }),
    unitId: t.globalID({ required: true }),
    period: t.int({ required: true }),
    results: t.field({ type: [PeriodResultInput], required: false }),
    assessments: t.field({ type: [PeriodAssessmentInput], required: false }),
    reason: t.string({
      required: false,
      description: 'required in a closed period: the correction’s reason',
    }),
    preview: t.boolean({ required: false, description: 'score the entries without keeping them' }),
  }),
});

const AssignWorkInput = builder.inputType('AssignWorkInput', {
  fields: (t) => ({
    cycleId: t.globalID({ required: true }),
    personId: t.globalID({ required: true }),
    period: t.int({ required: true }),
    productId: t.globalID({ required: false, description: 'a catalogue product; absent for a free task' }),
    title: t.string({ required: false }),
    quantity: t.float({ required: true }),
    weight: t.float({ required: false, description: 'a free task’s weight (default 1)' }),
    dueOn: t.field({ type: 'Date', required: false }),
    reason: t.string({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  saveImportMapping: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: ImportMappingRef,
    errors: { types: writeErrors },
    args: {
      kind: t.arg({ type: ImportKindEnum, required: true }),
      source: t.arg.string({ required: true }),
      columns: t.arg({ type: 'JSON', required: true }),
    },
    resolve: (_root, args, context) =>
      saveImportMapping({
        prisma: context.prisma,
        viewer: context.viewer,
        kind: args.kind,
        source: args.source,
        columns: args.columns,
      }),
  }),
  saveJobPosition: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).field({
    type: JobPositionRef,
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: false }),
      code: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      active: t.arg.boolean({ required: false }),
    },
    resolve: (_root, args, context) =>
      saveJobPosition({
        prisma: context.prisma,
        viewer: context.viewer,
        id: args.id ? localId(args.id, 'JobPosition', 'id') : null,
        code: args.code,
        name: args.name,
        active: args.active,
      }),
  }),
  saveProduct: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).field({
    type: ProductRef,
    errors: { types: writeErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      jobPositionId: t.arg.globalID({ required: true }),
      id: t.arg.globalID({ required: false, description: 'the product to change; absent adds one' }),
      version: t.arg.int({ required: false }),
      input: t.arg({ type: ProductInput, required: true }),
    },
    resolve: (_root, args, context) =>
      saveProduct({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: args.cycleId.id,
        jobPositionId: localId(args.jobPositionId, 'JobPosition', 'jobPositionId'),
        productId: args.id ? localId(args.id, 'Product', 'id') : null,
        version: args.version,
        input: { ...args.input, active: args.input.active ?? true },
      }),
  }),
  assignWork: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: AssignmentRef,
    errors: { types: writeErrors },
    args: { input: t.arg({ type: AssignWorkInput, required: true }) },
    resolve: async (_root, args, context) => {
      const { input } = args;
      const task = await assignWork({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: localId(input.cycleId, 'Cycle', 'input.cycleId'),
        personId: localId(input.personId, 'Person', 'input.personId'),
        period: input.period,
        productId: input.productId ? localId(input.productId, 'Product', 'input.productId') : null,
        title: input.title,
        quantity: input.quantity,
        weight: input.weight,
        dueOn: input.dueOn,
        reason: input.reason,
      });
      const product = task.productId
        ? await context.prisma.product.findUnique({ where: { id: task.productId } })
        : null;
      return { ...task, product };
    },
  }),
  recordPeriodResults: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: PeriodTrackingRef,
    errors: { types: writeErrors },
    description: 'records a period’s results in bulk and returns the period as the engine now scores it',
    args: { input: t.arg({ type: RecordPeriodResultsInput, required: true }) },
    resolve: async (_root, args, context) => {
      const { input } = args;
      return recordPeriodResults({
        prisma: context.prisma,
        viewer: context.viewer,
        tree: await context.unitTrees.get(),
        cycleId: localId(input.cycleId, 'Cycle', 'input.cycleId'),
        unitId: localId(input.unitId, 'Unit', 'input.unitId'),
        period: input.period,
        reason: input.reason,
        preview: input.preview ?? false,
        results: (input.results ?? []).map((row, index) => ({
          assignmentId: localId(row.assignmentId, 'Task', `input.results[${index}].assignmentId`),
          completed: row.completed,
          finishedOn: row.finishedOn ?? null,
          failedReviews: row.failedReviews ?? 0,
          delays: row.delays ?? 0,
          excused: row.excused ?? false,
          excuseReason: row.excuseReason,
          excusedBy: row.excusedBy,
          version: row.version,
        })),
        assessments: (input.assessments ?? []).map((row, index) => ({
          personId: localId(row.personId, 'Person', `input.assessments[${index}].personId`),
          conductAssessment: row.conductAssessment,
        })),
      });
    },
  }),
  closePeriod: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: PeriodClosureRef,
    errors: { types: writeErrors },
    description:
      'closes a period for a unit; refused while anyone with work in it lacks the head’s assessment',
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      unitId: t.arg.globalID({ required: true }),
      period: t.arg.int({ required: true }),
    },
    resolve: async (_root, args, context) =>
      closePeriod({
        prisma: context.prisma,
        viewer: context.viewer,
        tree: await context.unitTrees.get(),
        cycleId: args.cycleId.id,
        unitId: localId(args.unitId, 'Unit', 'unitId'),
        period: args.period,
      }),
  }),
  reopenPeriod: t.withAuth({ role: [...reopenRoles] }).field({
    type: PeriodClosureRef,
    errors: { types: writeErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      unitId: t.arg.globalID({ required: true }),
      period: t.arg.int({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_root, args, context) =>
      reopenPeriod({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: args.cycleId.id,
        unitId: localId(args.unitId, 'Unit', 'unitId'),
        period: args.period,
        reason: args.reason,
      }),
  }),
}));
