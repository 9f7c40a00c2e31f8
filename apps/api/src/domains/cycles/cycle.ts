import { builder } from '../../builder.ts';
import { ConflictError } from '../../errors.ts';
import { localId } from '../../ids.ts';
import { errorFields, logger, requestIdOf } from '../../logger.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { CycleStatusEnum, PeriodKindEnum, RatingEnum, RoleEnum, RunStatusEnum } from '../../schema/enums.ts';
import { writeErrors } from '../../schema/errors.ts';
import { keyed } from '../../validation.ts';
import { WorkflowBlockedError } from '../checklist/workflow-blocked-error.ts';
import { buildRunsWhere } from '../evaluation/build-runs-where.ts';
import { startEvaluationRun } from '../evaluation/services/run-evaluation.ts';
import { watchEvaluationRun } from '../evaluation/services/watch-evaluation-run.ts';
import { buildCyclesWhere } from './build-cycles-where.ts';
import { isReadOnly } from './cycle-access.ts';
import { assessPerson } from './services/assess-person.ts';
import { createCycle } from './services/create-cycle.ts';
import { moveCycle } from './services/move-cycle.ts';
import { submitSelfAssessment } from './services/submit-self-assessment.ts';

builder.prismaObject('PolicyPack', {
  fields: (t) => ({
    id: t.exposeID('id', { description: 'e.g. vn-nd335-2025' }),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    parameters: t.expose('parameters', { type: 'JSON' }),
  }),
});

builder.prismaObject('CycleDeadline', {
  fields: (t) => ({
    stage: t.expose('stage', { type: CycleStatusEnum }),
    dueOn: t.expose('dueOn', { type: 'Date' }),
    ownerRole: t.expose('ownerRole', { type: RoleEnum }),
  }),
});

builder.prismaObject('CycleTransition', {
  fields: (t) => ({
    fromStatus: t.expose('fromStatus', { type: CycleStatusEnum }),
    toStatus: t.expose('toStatus', { type: CycleStatusEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
    byUser: t.relation('byUser', { nullable: true, description: 'the account: administrators only' }),
    byName: t.string({
      nullable: true,
      description: 'who moved the cycle (display name)',
      select: { byUser: { select: { displayName: true } } },
      resolve: (row) => row.byUser?.displayName ?? null,
    }),
  }),
});

export const EvaluationRunRef = builder.prismaNode('EvaluationRun', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildRunsWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    status: t.expose('status', { type: RunStatusEnum }),
    total: t.exposeInt('total'),
    processed: t.exposeInt('processed'),
    message: t.exposeString('message', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    cycle: t.relation('cycle'),
  }),
});

export const SelfAssessmentRef = builder.prismaObject('SelfAssessment', {
  fields: (t) => ({
    id: t.exposeID('id'),
    achievements: t.exposeString('achievements'),
    shortcomings: t.exposeString('shortcomings', { nullable: true }),
    proposedRating: t.expose('proposedRating', { type: RatingEnum }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObject('HeadAssessment', {
  fields: (t) => ({
    id: t.exposeID('id'),
    conductAssessment: t.exposeFloat('conductAssessment'),
    comment: t.exposeString('comment', { nullable: true }),
    version: t.exposeInt('version'),
    person: t.relation('person'),
  }),
});

export const CycleRef = builder.prismaNode('Cycle', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildCyclesWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    year: t.exposeInt('year'),
    name: t.exposeString('name'),
    status: t.expose('status', { type: CycleStatusEnum }),
    periodKind: t.expose('periodKind', { type: PeriodKindEnum }),
    readOnly: t.boolean({ resolve: (cycle) => isReadOnly(cycle.status) }),
    pack: t.relation('pack'),
    overrides: t.expose('overrides', { type: 'JSON' }),
    scopeUnit: t.relation('scopeUnit'),
    appealDays: t.exposeInt('appealDays'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    archivedAt: t.expose('archivedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    deadlines: t.relation('deadlines', { query: { orderBy: { dueOn: 'asc' } } }),
    transitions: t.relation('transitions', { query: { orderBy: { at: 'asc' } } }),
    mySelfAssessment: t.relation('selfAssessments', {
      description: 'the caller’s own self-assessment in this cycle',
      query: (_args, context) => ({
        where: { personId: context.viewer?.personId ?? '-' },
        take: 1,
      }),
    }),
  }),
});

builder.prismaObjectField('Cycle', 'latestRun', (t) =>
  t.field({
    type: EvaluationRunRef,
    nullable: true,
    select: (_args, context) => ({
      runs: {
        where: context.viewer ? buildRunsWhere({ viewer: context.viewer }) : { id: { in: [] } },
        orderBy: { startedAt: 'desc' },
        take: 1,
      },
    }),
    resolve: (cycle) => cycle.runs[0] ?? null,
  }),
);

builder.queryFields((t) => ({
  policyPacks: t.withAuth({ loggedIn: true }).prismaField({
    type: ['PolicyPack'],
    resolve: (query, _root, _args, context) =>
      context.prisma.policyPack.findMany({ ...query, orderBy: { id: 'asc' } }),
  }),
  cycles: t.withAuth({ loggedIn: true }).prismaField({
    type: ['Cycle'],
    description: 'Cycles covering the caller’s scope, newest year first',
    args: { status: t.arg({ type: CycleStatusEnum, required: false }) },
    resolve: (query, _root, args, context) =>
      context.prisma.cycle.findMany({
        ...query,
        where: {
          AND: [buildCyclesWhere({ viewer: context.viewer }), args.status ? { status: args.status } : {}],
        },
        orderBy: [{ year: 'desc' }, { name: 'asc' }],
      }),
  }),
  cycle: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Cycle',
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: (query, _root, args, context) =>
      context.prisma.cycle.findFirst({
        ...query,
        where: { id: args.id.id, AND: [buildCyclesWhere({ viewer: context.viewer })] },
      }),
  }),
  evaluationRun: t.withAuth({ loggedIn: true }).prismaField({
    type: 'EvaluationRun',
    nullable: true,
    description: 'Poll this for a run’s progress (total/processed, status)',
    args: { id: t.arg.globalID({ required: true, for: EvaluationRunRef }) },
    resolve: (query, _root, args, context) =>
      context.prisma.evaluationRun.findFirst({
        ...query,
        where: { id: args.id.id, AND: [buildRunsWhere({ viewer: context.viewer })] },
      }),
  }),
}));

export const CycleDeadlineInput = builder.inputType('CycleDeadlineInput', {
  fields: (t) => ({
    stage: t.field({ type: CycleStatusEnum, required: true }),
    dueOn: t.field({ type: 'Date', required: true }),
    ownerRole: t.field({ type: RoleEnum, required: true }),
  }),
});

const CreateCycleInput = builder.inputType('CreateCycleInput', {
  fields: (t) => ({
    year: t.int({
      required: true,
      validate: {
        min: [2000, { message: keyed('cycle.yearRange') }],
        max: [2100, { message: keyed('cycle.yearRange') }],
      },
    }),
    name: t.string({
      required: true,
      validate: {
        minLength: [1, { message: keyed('cycle.nameEmpty') }],
      },
    }),
    packId: t.string({ required: true, description: 'a policy pack id, e.g. vn-nd335-2025' }),
    scopeUnitId: t.globalID({ required: true, description: 'the agency (root unit) the cycle covers' }),
    overrides: t.field({
      type: 'JSON',
      required: false,
      description:
        'local overrides: excellentPercent, excellentMinimumPerGroup, cstdcsCapPercent, rotationYears, ballotThresholdPercent, minCitizenVotes',
    }),
    appealDays: t.int({
      required: false,
      validate: { min: [1, { message: keyed('cycle.appealDaysMin') }] },
    }),
    deadlines: t.field({ type: [CycleDeadlineInput], required: false }),
    decisionReference: t.string({
      required: false,
      description:
        'the number of the decision behind a setting beyond the law (an excellent quota above 20%, a pack outside its years), e.g. 125/QĐ-UBND',
    }),
    periodKind: t.field({
      type: PeriodKindEnum,
      required: false,
      description: 'default QUARTER for the công chức pack, YEAR for the years before 2026',
    }),
  }),
});

const SelfAssessmentInput = builder.inputType('SelfAssessmentInput', {
  fields: (t) => ({
    achievements: t.string({
      required: true,
      validate: {
        minLength: [1, { message: keyed('selfAssessment.achievementsEmpty') }],
      },
    }),
    shortcomings: t.string({ required: false }),
    proposedRating: t.field({ type: RatingEnum, required: true }),
    submit: t.boolean({ required: false, description: 'true files it; false keeps a draft' }),
  }),
});

builder.mutationFields((t) => ({
  createCycle: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).prismaField({
    type: 'Cycle',
    errors: { types: [...writeErrors, ConflictError] },
    args: { input: t.arg({ type: CreateCycleInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const cycle = await createCycle({
        prisma: context.prisma,
        viewer: context.viewer,
        input: { ...args.input, scopeUnitId: localId(args.input.scopeUnitId, 'Unit', 'input.scopeUnitId') },
      });
      return context.prisma.cycle.findUniqueOrThrow({ ...nonEmpty(query), where: { id: cycle.id } });
    },
  }),
  moveCycle: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).prismaField({
    type: 'Cycle',
    description:
      'Forward one step; back any number of steps with a reason; PUBLISHED is read-only, ARCHIVED final',
    errors: { types: [WorkflowBlockedError, ...writeErrors] },
    args: {
      id: t.arg.globalID({ required: true, for: CycleRef }),
      to: t.arg({ type: CycleStatusEnum, required: true }),
      reason: t.arg.string({ required: false }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const cycle = await moveCycle({
        prisma: context.prisma,
        viewer: context.viewer,
        id: args.id.id,
        to: args.to,
        reason: args.reason,
        version: args.version,
      });
      return context.prisma.cycle.findUniqueOrThrow({ ...nonEmpty(query), where: { id: cycle.id } });
    },
  }),
  runEvaluation: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).prismaField({
    type: 'EvaluationRun',
    description:
      'Starts an evaluation of the cycle; poll evaluationRun(id). With wait: true the answer comes when the run has finished.',
    errors: { types: writeErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      wait: t.arg.boolean({ required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const started = await startEvaluationRun({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        cycleId: args.cycleId.id,
        jobs: context.jobs,
        requestId: requestIdOf(context.request),
      });
      // with a queue the run is carried out by a worker; without (tests), here, and it ends its own failures
      if (args.wait) await started.done;
      else if (!context.jobs)
        started.done.catch((error: unknown) => logger.error(errorFields(error), 'evaluation run failed'));
      return context.prisma.evaluationRun.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { id: started.run.id },
      });
    },
  }),
  submitSelfAssessment: t.withAuth({ loggedIn: true }).prismaField({
    type: 'SelfAssessment',
    errors: { types: writeErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      input: t.arg({ type: SelfAssessmentInput, required: true }),
      version: t.arg.int({ required: false, description: 'required when revising: the version read' }),
    },
    resolve: async (query, _root, args, context) => {
      const saved = await submitSelfAssessment({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: args.cycleId.id,
        input: { ...args.input, submit: args.input.submit ?? true },
        version: args.version,
      });
      return context.prisma.selfAssessment.findUniqueOrThrow({ ...nonEmpty(query), where: { id: saved.id } });
    },
  }),
  assessPerson: t.withAuth({ role: 'UNIT_HEAD' }).prismaField({
    type: 'HeadAssessment',
    description: 'The head’s conduct assessment A (0–10) of a person in scope, during ASSESSMENT',
    errors: { types: writeErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      personId: t.arg.globalID({ required: true }),
      conductAssessment: t.arg.float({
        required: true,
        validate: {
          min: [0, { message: keyed('assessment.conductRange') }],
          max: [10, { message: keyed('assessment.conductRange') }],
        },
      }),
      comment: t.arg.string({ required: false }),
      version: t.arg.int({ required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const saved = await assessPerson({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: args.cycleId.id,
        personId: localId(args.personId, 'Person', 'personId'),
        conductAssessment: args.conductAssessment,
        comment: args.comment,
        version: args.version,
      });
      return context.prisma.headAssessment.findUniqueOrThrow({ ...nonEmpty(query), where: { id: saved.id } });
    },
  }),
}));

builder.subscriptionFields((t) => ({
  evaluationRunProgress: t.withAuth({ loggedIn: true }).field({
    type: EvaluationRunRef,
    description: 'The run each time its progress changes, until it has finished (over SSE or WebSocket)',
    args: { id: t.arg.globalID({ required: true, for: EvaluationRunRef }) },
    subscribe: (_root, args, context) =>
      watchEvaluationRun({
        prisma: context.prisma,
        viewer: context.viewer,
        runId: args.id.id,
        signal: context.request.signal,
      }),
    resolve: (run) => run,
  }),
}));
