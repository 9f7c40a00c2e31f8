import type { Flag, Prisma } from '@cadre/db';
import { toSearchText } from '@cadre/db';
import { RULES, renderStoredTrace } from '@cadre/rules';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { QuotaExceededError, RuleViolationError } from '../../errors.ts';
import { localId } from '../../ids.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { cacheKey } from '../../read-cache.ts';
import type { TraceEntry } from '../../rules/scenario.ts';
import {
  DecisionKindEnum,
  FlagKindEnum,
  FlagReviewEnum,
  FlagStatusEnum,
  RatingEnum,
} from '../../schema/enums.ts';
import { writeErrors } from '../../schema/errors.ts';
import { likeLiteral } from '../../scope/like-pattern.ts';
import { descendantIds } from '../../scope/unit-tree.ts';
import type { Viewer } from '../../scope/viewer.ts';
import { buildCyclesWhere } from '../cycles/build-cycles-where.ts';
import { CycleRef, SelfAssessmentRef } from '../cycles/cycle.ts';
import { buildUnitsWhere } from '../units/build-units-where.ts';
import { UnitRef } from '../units/unit.ts';
import { buildFlagsWhere } from './build-flags-where.ts';
import { buildResultsWhere } from './build-results-where.ts';
import { mayAdjust, mayAssess, mayCorrect, mayProposeTitle } from './result-permissions.ts';
import { adjustRating } from './services/adjust-rating.ts';
import { computeUnitQuota, type UnitQuota } from './services/compute-unit-quota.ts';
import { correctRating } from './services/correct-rating.ts';
import { type RatingChoiceView, readRatingChoices } from './services/read-rating-choices.ts';
import { recordQuotaException } from './services/record-quota-exception.ts';

const TraceEntryRef = builder.objectRef<TraceEntry>('TraceEntry').implement({
  description: 'One step of the engine’s reasoning: which rule, its legal citation, what it changed',
  fields: (t) => ({
    rule: t.exposeString('rule'),
    citation: t.exposeString('citation'),
    effect: t.exposeString('effect'),
    detail: t.exposeString('detail'),
  }),
});

type Components = {
  tasks: number | null;
  conduct: number | null;
  reform: number | null;
  citizens: number | null;
};

const ScoreComponents = builder.objectRef<Components>('ScoreComponents').implement({
  fields: (t) => ({
    tasks: t.exposeFloat('tasks', { nullable: true, description: 'task results, of 70' }),
    conduct: t.exposeFloat('conduct', { nullable: true, description: '0–10' }),
    reform: t.exposeFloat('reform', { nullable: true, description: '0–10' }),
    citizens: t.exposeFloat('citizens', { nullable: true, description: '0–10' }),
  }),
});

type PeriodScore = { period: number; score: number | null; components: Components | null };

const PeriodScoreRef = builder.objectRef<PeriodScore>('PeriodScore').implement({
  description: 'one period (month or quarter) a person was scored in: 70 × tasks + the general criteria',
  fields: (t) => ({
    period: t.exposeInt('period', { description: '1–4 (quarters), 1–12 (months) or 1 (the year)' }),
    score: t.exposeFloat('score', { nullable: true }),
    components: t.expose('components', { type: ScoreComponents, nullable: true }),
  }),
});

function asPeriods(value: Prisma.JsonValue | null): PeriodScore[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return [];
    const { period, score, components } = entry as Record<string, Prisma.JsonValue>;
    if (typeof period !== 'number') return [];
    return [
      {
        period,
        score: typeof score === 'number' ? score : null,
        components: asComponents(components ?? null),
      },
    ];
  });
}

/** A flag as shown beside a result (the flag review workflow has its own types). */
const ResultFlag = builder.objectRef<Flag>('ResultFlag').implement({
  fields: (t) => ({
    id: t.id({ description: 'the Flag’s global id', resolve: (flag) => encodeGlobalID('Flag', flag.id) }),
    kind: t.field({ type: FlagKindEnum, resolve: (flag) => flag.kind }),
    status: t.field({ type: FlagStatusEnum, resolve: (flag) => flag.status }),
    rule: t.exposeString('rule'),
    reason: t.exposeString('reason'),
    review: t.field({ type: FlagReviewEnum, resolve: (flag) => flag.review }),
  }),
});

/** A stored trace as people read it: compact entries rendered, entries stored as text passed through. */
function asTrace(value: Prisma.JsonValue): TraceEntry[] {
  return renderStoredTrace(value);
}

function asComponents(value: Prisma.JsonValue | null): Components | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const number = (key: string) => {
    const inner = (value as Record<string, unknown>)[key];
    return typeof inner === 'number' ? inner : null;
  };
  return {
    tasks: number('tasks'),
    conduct: number('conduct'),
    reform: number('reform'),
    citizens: number('citizens'),
  };
}

builder.prismaObject('RatingDecision', {
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: DecisionKindEnum }),
    fromRating: t.expose('fromRating', { type: RatingEnum }),
    toRating: t.expose('toRating', { type: RatingEnum }),
    reason: t.exposeString('reason'),
    number: t.exposeString('number', { nullable: true }),
    supersedesId: t.exposeID('supersedesId', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime' }),
    decidedBy: t.relation('decidedBy', { nullable: true, description: 'the account: administrators only' }),
    decidedByName: t.string({
      nullable: true,
      description: 'who decided (display name)',
      select: { decidedBy: { select: { displayName: true } } },
      resolve: (row) => row.decidedBy?.displayName ?? null,
    }),
  }),
});

type Ceiling = {
  rating: (typeof ratingValues)[number];
  rule: string | null;
  citation: string | null;
  reason: string;
};
const ratingValues = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'NOT_RATED'] as const;

const RatingCeilingRef = builder.objectRef<Ceiling>('RatingCeiling').implement({
  description:
    'The engine’s ceiling: the highest rating a decision may give (hard rules); NOT_RATED admits only NOT_RATED',
  fields: (t) => ({
    rating: t.field({ type: RatingEnum, resolve: (ceiling) => ceiling.rating }),
    rule: t.exposeString('rule', {
      nullable: true,
      description: 'the rule that sets it; null when none limits',
    }),
    citation: t.exposeString('citation', { nullable: true }),
    reason: t.exposeString('reason', { description: 'Vietnamese, for the form that offers the choices' }),
  }),
});

const QuotaCountRef = builder.objectRef<NonNullable<RatingChoiceView['quota']>>('QuotaCount').implement({
  description: 'An excellent quota count: good or better (eligible), the quota over them, excellent ratings',
  fields: (t) => ({
    eligible: t.exposeInt('eligible'),
    allowed: t.exposeInt('allowed'),
    granted: t.exposeInt('granted'),
  }),
});

const RatingChoiceRef = builder.objectRef<RatingChoiceView>('RatingChoice').implement({
  description:
    'A rating a decision may take, as the engine judges it now: refused ones carry the rule and its Vietnamese reason',
  fields: (t) => ({
    rating: t.field({ type: RatingEnum, resolve: (choice) => choice.rating }),
    allowed: t.exposeBoolean('allowed', {
      description: 'whether adjustRating/correctRating would accept it (hard rules, the excellent quota)',
    }),
    rule: t.exposeString('rule', { nullable: true, description: 'the rule that refuses it' }),
    citation: t.exposeString('citation', { nullable: true }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Vietnamese: why the engine refuses it (null when allowed)',
    }),
    reasonRequired: t.exposeBoolean('reasonRequired', {
      description: 'an adjustment away from the engine’s rating needs a written reason',
    }),
    quota: t.field({
      type: QuotaCountRef,
      nullable: true,
      description: 'the excellent quota of the person’s group with this decision taken (or as it refused it)',
      resolve: (choice) => choice.quota,
    }),
  }),
});

type Eligibility = {
  title: string;
  status: 'GRANTED' | 'ELIGIBLE' | 'NOT_ELIGIBLE';
  needsBallot: boolean;
  rule: string;
  citation: string;
  reasons: string[];
};

const EligibilityStatusEnum = builder.enumType('TitleEligibilityStatus', {
  values: ['GRANTED', 'ELIGIBLE', 'NOT_ELIGIBLE'] as const,
});

export const TitleEligibilityRef = builder.objectRef<Eligibility>('TitleEligibility').implement({
  description:
    'The engine’s standing of a person for one individual title: granted, eligible (to be balloted) or not, with the reasons',
  fields: (t) => ({
    title: t.exposeString('title'),
    status: t.field({ type: EligibilityStatusEnum, resolve: (item) => item.status }),
    needsBallot: t.exposeBoolean('needsBallot'),
    rule: t.exposeString('rule'),
    citation: t.exposeString('citation'),
    reasons: t.exposeStringList('reasons', { description: 'Vietnamese: the conditions that fail' }),
  }),
});

function asCeiling(value: Prisma.JsonValue | null): Ceiling | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { rating, rule, citation, reason } = value as Record<string, Prisma.JsonValue>;
  if (!ratingValues.includes(rating as Ceiling['rating'])) return null;
  return {
    rating: rating as Ceiling['rating'],
    rule: typeof rule === 'string' ? rule : null,
    citation: typeof citation === 'string' ? citation : null,
    reason: typeof reason === 'string' ? reason : '',
  };
}

export function asEligibility(value: Prisma.JsonValue | null): Eligibility[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return [];
    const item = entry as Record<string, Prisma.JsonValue>;
    if (typeof item.title !== 'string') return [];
    const status = item.status === 'GRANTED' || item.status === 'ELIGIBLE' ? item.status : 'NOT_ELIGIBLE';
    return [
      {
        title: item.title,
        status,
        needsBallot: item.needsBallot === true,
        rule: typeof item.rule === 'string' ? item.rule : '',
        citation: typeof item.citation === 'string' ? item.citation : '',
        reasons: Array.isArray(item.reasons)
          ? item.reasons.filter((r): r is string => typeof r === 'string')
          : [],
      },
    ];
  });
}

export const EvaluationResultRef = builder.prismaNode('EvaluationResult', {
  id: { field: 'id' },
  nullable: true,
  // only the columns a query asks for: a ranking page does not read 50 traces it does not show
  select: { id: true, cycleId: true, personId: true, unitId: true },
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildResultsWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    person: t.relation('person'),
    cycle: t.relation('cycle'),
    unit: t.loadable({
      type: UnitRef,
      description: 'the unit the person belonged to when evaluated (their quota group)',
      load: (ids: string[], context: Context) => context.prisma.unit.findMany({ where: { id: { in: ids } } }),
      sort: (unit) => unit.id,
      resolve: (result) => result.unitId,
    }),
    score: t.exposeFloat('score', { nullable: true }),
    components: t.field({
      type: ScoreComponents,
      nullable: true,
      select: { components: true },
      resolve: (result) => asComponents(result.components),
    }),
    periods: t.field({
      type: [PeriodScoreRef],
      description: 'the periods the person was scored in, in order; the score is their mean',
      select: { periods: true },
      resolve: (result) => asPeriods(result.periods),
    }),
    proposedRating: t.expose('proposedRating', {
      type: RatingEnum,
      description: 'from the score/criteria alone',
    }),
    engineRating: t.expose('engineRating', { type: RatingEnum, description: 'after hard rules and quotas' }),
    finalRating: t.expose('finalRating', { type: RatingEnum, description: 'the current decision' }),
    finalReason: t.exposeString('finalReason', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    titles: t.exposeStringList('titles', { description: 'titles the engine found the person eligible for' }),
    trace: t.field({
      type: [TraceEntryRef],
      select: { trace: true },
      resolve: (result) => asTrace(result.trace),
    }),
    flags: t.loadableGroup({
      type: ResultFlag,
      load: (keys: string[], context: Context) => {
        const byCycle = new Map<string, string[]>();
        for (const key of keys) {
          const [cycleId = '', personId = ''] = key.split(':');
          byCycle.set(cycleId, [...(byCycle.get(cycleId) ?? []), personId]);
        }
        // the same builder as the flags query: council members and staff get none, heads their units
        if (!context.viewer) return Promise.resolve([]);
        return context.prisma.flag.findMany({
          where: {
            OR: [...byCycle].map(([cycleId, personIds]) => ({ cycleId, personId: { in: personIds } })),
            AND: [buildFlagsWhere({ viewer: context.viewer })],
          },
          orderBy: { kind: 'asc' },
        });
      },
      group: (flag) => `${flag.cycleId}:${flag.personId}`,
      resolve: (result) => `${result.cycleId}:${result.personId}`,
    }),
    decisions: t.relation('decisions', { query: { orderBy: { decidedAt: 'asc' } } }),
    selfAssessment: t.loadable({
      type: SelfAssessmentRef,
      nullable: true,
      description:
        'the person’s submitted self-assessment in this cycle (a draft stays the person’s own), read by whoever may read this result',
      load: (keys: string[], context: Context) => {
        const pairs = keys.map((key) => {
          const [cycleId = '', personId = ''] = key.split(':');
          return { cycleId, personId };
        });
        return context.prisma.selfAssessment.findMany({
          where: { OR: pairs, submittedAt: { not: null } },
        });
      },
      sort: (assessment) => `${assessment.cycleId}:${assessment.personId}`,
      resolve: (result) => `${result.cycleId}:${result.personId}`,
    }),
    headComment: t.loadable({
      type: 'String',
      nullable: true,
      description:
        'the unit head’s comment on the person’s year (the text of the rating form), read by whoever may read this result',
      load: async (keys: string[], context: Context) => {
        const pairs = keys.map((key) => {
          const [cycleId = '', personId = ''] = key.split(':');
          return { cycleId, personId };
        });
        const rows = await context.prisma.headAssessment.findMany({
          where: { OR: pairs, comment: { not: null } },
          select: { cycleId: true, personId: true, comment: true },
        });
        const byKey = new Map(
          rows.map((row) => [`${row.cycleId}:${row.personId}`, row.comment?.trim() || null]),
        );
        return keys.map((key) => byKey.get(key) ?? null);
      },
      resolve: (result) => `${result.cycleId}:${result.personId}`,
    }),
    version: t.exposeInt('version'),
    awaitingAssessment: t.field({
      type: ['Int'],
      description:
        'periods awaiting the head’s assessment: the person is not scored (NOT_RATED) until assessed, never read as 10',
      select: { awaitingAssessment: true },
      resolve: (result) => result.awaitingAssessment,
    }),
    awaitingAssessmentMessage: t.string({
      nullable: true,
      description: 'Vietnamese: why the person is not scored yet (from the engine’s trace), when awaiting',
      select: { awaitingAssessment: true, trace: true },
      resolve: (result) => {
        if (result.awaitingAssessment.length === 0) return null;
        const line = asTrace(result.trace).find((entry) => entry.rule === RULES.awaitingAssessment);
        return line?.detail || 'Chờ thủ trưởng đánh giá ý thức, đạo đức: chưa chấm điểm';
      },
    }),
    ratingCeiling: t.field({
      type: RatingCeilingRef,
      nullable: true,
      description: 'the engine’s ceiling on decisions (null for a result written before the engine gave one)',
      select: { ratingCeiling: true },
      resolve: (result) => asCeiling(result.ratingCeiling),
    }),
    titleEligibility: t.field({
      type: [TitleEligibilityRef],
      description: 'the engine’s standing of the person for each individual title',
      select: { titleEligibility: true },
      resolve: (result) => asEligibility(result.titleEligibility),
    }),
    ratingChoices: t.field({
      type: [RatingChoiceRef],
      description:
        'the ratings the viewer’s decision may take (empty when they may neither adjust nor correct), best first, judged by the engine on the current evidence and decisions (one result at a time: it evaluates the quota group)',
      // an evaluation of the person's quota group: above a tenth of the limit, so a list (×10) may not ask it of every row
      complexity: 2500,
      select: { engineRating: true, finalRating: true, cycle: { select: { status: true } } },
      resolve: (result, _args, context) => {
        const { viewer } = context;
        // only the viewer who may take the decision is told what it may be
        if (!viewer) return [];
        const status = result.cycle.status;
        if (!mayAdjust(viewer, status, result) && !mayCorrect(viewer, status, result)) return [];
        return readRatingChoices({ prisma: context.prisma, unitTrees: context.unitTrees, result });
      },
    }),
    viewerCanAdjust: t.boolean({
      description:
        'whether the viewer may adjust this rating now (role, scope, the cycle’s step, not their own)',
      select: { cycle: { select: { status: true } } },
      resolve: (result, _args, context) =>
        context.viewer ? mayAdjust(context.viewer, result.cycle.status, result) : false,
    }),
    viewerCanCorrect: t.boolean({
      description:
        'whether the viewer may issue a numbered correction (published cycles, officers and admins)',
      select: { cycle: { select: { status: true } } },
      resolve: (result, _args, context) =>
        context.viewer ? mayCorrect(context.viewer, result.cycle.status, result) : false,
    }),
    viewerCanAssess: t.boolean({
      description:
        'whether the viewer may record this person’s conduct assessment now (heads, at their step)',
      select: { cycle: { select: { status: true } } },
      resolve: (result, _args, context) =>
        context.viewer ? mayAssess(context.viewer, result.cycle.status, result) : false,
    }),
    viewerCanProposeTitle: t.boolean({
      description:
        'whether the viewer may propose a title for this person (the engine still judges eligibility)',
      select: { cycle: { select: { status: true } } },
      resolve: (result, _args, context) =>
        context.viewer ? mayProposeTitle(context.viewer, result.cycle.status, result) : false,
    }),
  }),
});

const UnitQuotaRef = builder.objectRef<UnitQuota>('UnitQuota').implement({
  description:
    'The live excellent quota of a unit: the engine’s eligible/allowed and the current number granted',
  fields: (t) => ({
    unitId: t.id({ resolve: (quota) => encodeGlobalID('Unit', quota.unitId) }),
    eligible: t.exposeInt('eligible'),
    allowed: t.exposeInt('allowed'),
    granted: t.exposeInt('granted'),
    remaining: t.int({ resolve: (quota) => Math.max(0, quota.allowed - quota.granted) }),
    exceptionPercent: t.float({ nullable: true, resolve: (quota) => quota.exception?.percent ?? null }),
    exceptionDecision: t.string({
      nullable: true,
      resolve: (quota) => quota.exception?.decisionNumber ?? null,
    }),
  }),
});

builder.prismaObject('UnitResult', {
  fields: (t) => ({
    id: t.exposeID('id'),
    unit: t.relation('unit'),
    excellentEligible: t.exposeInt('excellentEligible'),
    excellentAllowed: t.exposeInt('excellentAllowed'),
    excellentGranted: t.exposeInt('excellentGranted', {
      description: 'as the engine granted (before decisions)',
    }),
    collectiveTitles: t.exposeStringList('collectiveTitles'),
    blockRank: t.exposeInt('blockRank', { nullable: true }),
  }),
});

const ResultOrder = builder.enumType('ResultOrder', { values: ['SCORE_DESC', 'NAME'] as const });

const ResultsFilter = builder.inputType('ResultsFilter', {
  fields: (t) => ({
    unitId: t.globalID({ required: false, description: 'the unit and its subtree' }),
    rating: t.field({ type: RatingEnum, required: false, description: 'the final rating' }),
    search: t.string({ required: false, description: 'part of the name; diacritics ignored' }),
  }),
});

type ResultsFilterValue = {
  unitId?: { typename: string; id: string } | null;
  rating?: Prisma.EvaluationResultWhereInput['finalRating'] | null;
  search?: string | null;
};

async function resultsWhere(
  context: Context & { viewer: Viewer },
  cycleId: string,
  filter: ResultsFilterValue | null | undefined,
): Promise<Prisma.EvaluationResultWhereInput> {
  const and: Prisma.EvaluationResultWhereInput[] = [
    { cycleId, cycle: buildCyclesWhere({ viewer: context.viewer }) },
    buildResultsWhere({ viewer: context.viewer }),
  ];
  if (filter?.unitId) {
    const tree = await context.unitTrees.get();
    and.push({ unitId: { in: descendantIds(tree, localId(filter.unitId, 'Unit', 'filter.unitId')) } });
  }
  if (filter?.rating) and.push({ finalRating: filter.rating });
  const search = filter?.search?.trim();
  if (search) and.push({ person: { searchName: { contains: likeLiteral(toSearchText(search)) } } });
  return { AND: and };
}

/** What a results page reads: the cycle's results, the people's names, the cycle's status. */
function resultTags(cycleId: string): string[] {
  return [`EvaluationResult:${cycleId}`, 'Person', 'Cycle'];
}

/**
 * Whether a page's Prisma query reads results, the people's and the cycle's own columns (the
 * cycle's status answers viewerCan…) and nothing else, so that the change notifications of those
 * tables cover it (a page that also reads decisions or flags is read afresh each time).
 */
function readsResultsAndPeopleOnly(query: { select?: object; include?: object }): boolean {
  if (query.include && Object.keys(query.include).length > 0) return false;
  const onlyColumns = (select: object) => Object.values(select).every((value) => value === true);
  return Object.entries(query.select ?? {}).every(
    ([field, value]) =>
      value === true ||
      ((field === 'person' || field === 'cycle') &&
        typeof value === 'object' &&
        value !== null &&
        'select' in value &&
        typeof value.select === 'object' &&
        value.select !== null &&
        onlyColumns(value.select)),
  );
}

builder.queryFields((t) => ({
  results: t.withAuth({ loggedIn: true }).prismaConnection({
    type: 'EvaluationResult',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      filter: t.arg({ type: ResultsFilter, required: false }),
      orderBy: t.arg({ type: ResultOrder, required: false, defaultValue: 'SCORE_DESC' }),
    },
    resolve: async (query, _root, args, context) => {
      const where = await resultsWhere(context, args.cycleId.id, args.filter);
      const orderBy: Prisma.EvaluationResultOrderByWithRelationInput[] =
        args.orderBy === 'NAME'
          ? [{ person: { fullName: 'asc' } }, { id: 'asc' }]
          : [{ score: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }];
      const load = () => context.prisma.evaluationResult.findMany({ ...query, where, orderBy });
      if (!readsResultsAndPeopleOnly(query)) return load();
      return context.readCache.read({
        key: cacheKey(['results', where, orderBy, query]),
        tags: resultTags(args.cycleId.id),
        load,
      });
    },
    totalCount: async (_root, args, context) => {
      const where = await resultsWhere(context, args.cycleId.id, args.filter);
      return context.readCache.read({
        key: cacheKey(['resultsCount', where]),
        tags: resultTags(args.cycleId.id),
        load: () => context.prisma.evaluationResult.count({ where }),
      });
    },
  }),
  myResult: t.withAuth({ loggedIn: true }).prismaField({
    type: 'EvaluationResult',
    nullable: true,
    description: 'The caller’s own result, once the cycle is published',
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: async (query, _root, args, context) => {
      const result = await context.prisma.evaluationResult.findFirst({
        ...query,
        where: {
          cycleId: args.cycleId.id,
          // an account without a person (an administrator) has no result
          personId: context.viewer.personId ?? { in: [] },
          cycle: { status: { in: ['PUBLISHED', 'ARCHIVED'] } },
        },
      });
      return result;
    },
  }),
  unitQuota: t.withAuth({ loggedIn: true }).field({
    type: UnitQuotaRef,
    nullable: true,
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      unitId: t.arg.globalID({ required: true, for: UnitRef }),
    },
    resolve: async (_root, args, context) => {
      const visible = await context.prisma.unit.count({
        where: { id: args.unitId.id, AND: [buildUnitsWhere({ viewer: context.viewer })] },
      });
      const cycle = await context.prisma.cycle.count({
        where: { id: args.cycleId.id, AND: [buildCyclesWhere({ viewer: context.viewer })] },
      });
      if (!visible || !cycle) return null;
      return computeUnitQuota({ tx: context.prisma, cycleId: args.cycleId.id, unitId: args.unitId.id });
    },
  }),
  unitResults: t.withAuth({ loggedIn: true }).prismaField({
    type: ['UnitResult'],
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: (query, _root, args, context) =>
      context.prisma.unitResult.findMany({
        ...query,
        where: {
          cycleId: args.cycleId.id,
          cycle: buildCyclesWhere({ viewer: context.viewer }),
          unit: buildUnitsWhere({ viewer: context.viewer }),
        },
        orderBy: [{ blockRank: { sort: 'asc', nulls: 'last' } }, { unitId: 'asc' }],
      }),
  }),
}));

const decisionErrors = [...writeErrors, QuotaExceededError, RuleViolationError];

builder.mutationFields((t) => ({
  adjustRating: t.withAuth({ role: ['UNIT_HEAD', 'OFFICER', 'ADMIN'] }).prismaField({
    type: 'EvaluationResult',
    description:
      'Heads during ASSESSMENT, officers during REVIEW. A reason is required when differing from the engine; hard rules and the excellent quota are enforced.',
    errors: { types: decisionErrors },
    args: {
      resultId: t.arg.globalID({ required: true, for: EvaluationResultRef }),
      rating: t.arg({ type: RatingEnum, required: true }),
      reason: t.arg.string({ required: false }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const result = await adjustRating({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        resultId: args.resultId.id,
        rating: args.rating,
        reason: args.reason,
        version: args.version,
      });
      return context.prisma.evaluationResult.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { id: result.id },
      });
    },
  }),
  correctRating: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'EvaluationResult',
    description: 'After publication: a numbered correction decision that supersedes the previous one',
    errors: { types: decisionErrors },
    args: {
      resultId: t.arg.globalID({ required: true, for: EvaluationResultRef }),
      rating: t.arg({ type: RatingEnum, required: true }),
      reason: t.arg.string({ required: true }),
      number: t.arg.string({ required: true, description: 'the number of the correction decision' }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const result = await correctRating({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        resultId: args.resultId.id,
        rating: args.rating,
        reason: args.reason,
        number: args.number,
        version: args.version,
      });
      return context.prisma.evaluationResult.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { id: result.id },
      });
    },
  }),
}));

builder.prismaObject('QuotaException', {
  fields: (t) => ({
    id: t.exposeID('id'),
    unit: t.relation('unit'),
    percent: t.exposeFloat('percent'),
    decisionNumber: t.exposeString('decisionNumber'),
    reason: t.exposeString('reason'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.mutationFields((t) => ({
  recordQuotaException: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'QuotaException',
    description: 'An outstanding unit may exceed the excellent quota up to `percent`, by a recorded decision',
    errors: { types: writeErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      unitId: t.arg.globalID({ required: true, for: UnitRef }),
      percent: t.arg.float({ required: true }),
      decisionNumber: t.arg.string({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const saved = await recordQuotaException({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: args.cycleId.id,
        unitId: args.unitId.id,
        percent: args.percent,
        decisionNumber: args.decisionNumber,
        reason: args.reason,
      });
      return context.prisma.quotaException.findUniqueOrThrow({ ...nonEmpty(query), where: { id: saved.id } });
    },
  }),
}));
