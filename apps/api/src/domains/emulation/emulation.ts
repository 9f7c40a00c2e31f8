import { type Prisma, type TitleKind, toSearchText } from '@cadre/db';
import { needsBallot } from '@cadre/rules';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { QuotaExceededError, RuleViolationError } from '../../errors.ts';
import { optionalLocalId } from '../../ids.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { ballotThresholdOf } from '../../rules/engine.ts';
import type { TraceEntry } from '../../rules/scenario.ts';
import { writeErrors } from '../../schema/errors.ts';
import { likeLiteral } from '../../scope/like-pattern.ts';
import { descendantIds } from '../../scope/unit-tree.ts';
import { unitInScope } from '../../scope/viewer.ts';
import { buildCyclesWhere } from '../cycles/build-cycles-where.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { buildResultsWhere } from '../evaluation/build-results-where.ts';
import { asEligibility, TitleEligibilityRef } from '../evaluation/evaluation.ts';
import { buildPeopleWhere } from '../people/build-people-where.ts';
import { PersonRef } from '../people/person.ts';
import { UnitRef } from '../units/unit.ts';
import { buildBlockRankingUnitsWhere } from './build-block-ranking-units-where.ts';
import { buildProposalsWhere } from './build-proposals-where.ts';
import { decideTitles } from './services/decide-titles.ts';
import { proposeTitle } from './services/propose-title.ts';
import {
  type BulkProposalOutcome,
  maxBulkProposals,
  proposeTitles,
  type RefusedProposal,
} from './services/propose-titles.ts';
import { collectiveTitles, readTrace, titleHasRule } from './services/read-title-eligibility.ts';
import { reviewTitleProposal } from './services/review-title-proposal.ts';
import { revokeTitle } from './services/revoke-title.ts';
import { withdrawTitleProposal } from './services/withdraw-title-proposal.ts';

export const titleKinds = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TOAN_QUOC',
  'GIAY_KHEN',
  'BANG_KHEN',
  'TAP_THE_LDTT',
  'TAP_THE_LDXS',
  'CO_THI_DUA',
] as const satisfies readonly TitleKind[];
export const TitleKindEnum = builder.enumType('TitleKind', { values: titleKinds });

const ProposalStatusEnum = builder.enumType('ProposalStatus', {
  values: ['PROPOSED', 'WITHDRAWN', 'IN_BALLOT', 'APPROVED', 'REJECTED', 'DECIDED', 'REVOKED'] as const,
});

const TitleDecisionKindEnum = builder.enumType('TitleDecisionKind', {
  values: ['AWARD', 'REVOCATION'] as const,
});

const EligibilityEntry = builder.objectRef<TraceEntry>('EligibilityEntry').implement({
  description: 'A step of the engine’s reasoning about the title (rule, citation, effect, detail)',
  fields: (t) => ({
    rule: t.exposeString('rule'),
    citation: t.exposeString('citation'),
    effect: t.exposeString('effect'),
    detail: t.exposeString('detail'),
  }),
});

export const TitleProposalRef = builder.prismaNode('TitleProposal', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildProposalsWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    title: t.expose('title', { type: TitleKindEnum }),
    person: t.relation('person', { nullable: true }),
    unit: t.relation('unit', { nullable: true }),
    reason: t.exposeString('reason'),
    eligible: t.exposeBoolean('eligible', {
      description: 'as the rules engine found it (false, with no trace, for a title it has no rule for)',
    }),
    hasCriteria: t.boolean({
      description:
        'whether the rules engine has an eligibility rule for this title and nominee (false for Giấy khen, and for a unit’s Giấy khen or Bằng khen: no mandatory criterion, it stands on its reason)',
      select: { personId: true },
      resolve: (proposal) => titleHasRule(proposal.title, proposal.personId ? 'person' : 'unit'),
    }),
    eligibility: t.field({
      type: [EligibilityEntry],
      resolve: (proposal) => readTrace(proposal.eligibility),
    }),
    status: t.expose('status', { type: ProposalStatusEnum }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    cycle: t.relation('cycle'),
    ballots: t.relation('ballots', { query: { orderBy: { openedAt: 'asc' } } }),
    needsBallot: t.boolean({
      description: 'whether the title needs the council’s secret ballot (the rules engine’s list)',
      resolve: (proposal) => needsBallot(proposal.title),
    }),
    ballotThresholdPercent: t.float({
      nullable: true,
      description:
        'the share of all council members who must vote for it, from the cycle’s pack and overrides (null: no ballot needed)',
      select: { cycle: { select: { packId: true, overrides: true } } },
      resolve: (proposal) =>
        needsBallot(proposal.title)
          ? ballotThresholdOf(proposal.cycle.packId, proposal.cycle.overrides)
          : null,
    }),
    nomineeStanding: t.field({
      type: TitleEligibilityRef,
      nullable: true,
      description:
        'the engine’s current standing of the nominee for this title, from their result in the cycle (individual titles; null before an evaluation)',
      select: { cycleId: true, personId: true },
      resolve: async (proposal, _args, context) => {
        if (!proposal.personId) return null;
        const result = await context.prisma.evaluationResult.findFirst({
          where: { cycleId: proposal.cycleId, personId: proposal.personId },
          select: { titleEligibility: true },
        });
        return (
          asEligibility(result?.titleEligibility ?? null).find((item) => item.title === proposal.title) ??
          null
        );
      },
    }),
  }),
});

export const TitleDecisionRef = builder.prismaNode('TitleDecision', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, cycle: buildCyclesWhere({ viewer: context.viewer }) } : { id },
  fields: (t) => ({
    kind: t.expose('kind', { type: TitleDecisionKindEnum }),
    number: t.exposeString('number'),
    decidedOn: t.expose('decidedOn', { type: 'Date' }),
    signedBy: t.exposeString('signedBy'),
    reason: t.exposeString('reason', { nullable: true }),
    awards: t.relation('awards'),
    revocations: t.relation('revocations'),
  }),
});

builder.prismaNode('TitleAward', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, decision: { cycle: buildCyclesWhere({ viewer: context.viewer }) } } : { id },
  fields: (t) => ({
    title: t.expose('title', { type: TitleKindEnum }),
    person: t.relation('person', { nullable: true }),
    unit: t.relation('unit', { nullable: true }),
    decision: t.relation('decision'),
    revokedByDecision: t.relation('revokedByDecision', { nullable: true }),
    revocationReason: t.exposeString('revocationReason', { nullable: true }),
  }),
});

builder.prismaObjectField('UnitResult', 'unitScore', (t) =>
  t.exposeFloat('unitScore', { nullable: true, description: 'the score the block ranking used' }),
);

builder.prismaObjectField('UnitResult', 'inScope', (t) =>
  t.boolean({
    description:
      'whether the caller may read this unit’s people (its ranking by person); false for a peer unit of the block',
    select: { unitId: true },
    resolve: (row, _args, context) =>
      context.viewer !== null &&
      (unitInScope(context.viewer, row.unitId) || context.viewer.personUnitId === row.unitId),
  }),
);

type RankedResult = { rank: number; resultId: string };

const RankedResultRef = builder.objectRef<RankedResult & { result: unknown }>('RankedResult').implement({
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'by score within the unit (ties share a rank)' }),
  }),
});

builder.objectField(RankedResultRef, 'result', (t) =>
  t.prismaField({
    type: 'EvaluationResult',
    resolve: (query, ranked, _args, context) =>
      context.prisma.evaluationResult.findUniqueOrThrow({ ...query, where: { id: ranked.resultId } }),
  }),
);

const RefusedProposalRef = builder.objectRef<RefusedProposal>('RefusedProposal').implement({
  description: 'A person a bulk proposal did not propose, and why (the same refusal as proposeTitle)',
  fields: (t) => ({
    personId: t.id({ resolve: (refused) => encodeGlobalID('Person', refused.personId) }),
    code: t.exposeString('code', {
      description: 'RULE_VIOLATION, NOT_FOUND, CONFLICT, FORBIDDEN or QUOTA_EXCEEDED',
    }),
    rule: t.exposeString('rule', { nullable: true, description: 'the engine’s rule that refused it' }),
    message: t.exposeString('message', { description: 'Vietnamese / English: the reason' }),
  }),
});

builder.objectField(RefusedProposalRef, 'person', (t) =>
  t.loadable({
    type: PersonRef,
    nullable: true,
    description: 'the person, when the viewer may see them (null for an id outside their scope)',
    // the refused people of an outcome in one read, through the people's where-builder
    load: (ids: string[], context: Context) =>
      context.viewer
        ? context.prisma.person.findMany({
            where: { id: { in: ids }, AND: [buildPeopleWhere({ viewer: context.viewer })] },
          })
        : Promise.resolve([]),
    sort: (person) => person.id,
    resolve: (refused) => refused.personId,
  }),
);

const ProposeTitlesOutcomeRef = builder.objectRef<BulkProposalOutcome>('ProposeTitlesOutcome').implement({
  description: 'What a bulk proposal did, person by person: the proposals made and the people refused',
  fields: (t) => ({
    proposedCount: t.int({ resolve: (outcome) => outcome.proposed.length }),
    refused: t.field({ type: [RefusedProposalRef], resolve: (outcome) => outcome.refused }),
  }),
});

builder.objectField(ProposeTitlesOutcomeRef, 'proposed', (t) =>
  t.prismaField({
    type: ['TitleProposal'],
    resolve: (query, outcome, _args, context) =>
      context.prisma.titleProposal.findMany({
        ...query,
        where: { id: { in: outcome.proposed.map((proposal) => proposal.id) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
  }),
);

const openProposalStatuses = ['PROPOSED', 'IN_BALLOT', 'APPROVED', 'DECIDED'] as const;

builder.queryFields((t) => ({
  titleProposals: t.withAuth({ loggedIn: true }).prismaField({
    type: ['TitleProposal'],
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      status: t.arg({ type: ProposalStatusEnum, required: false }),
      title: t.arg({ type: TitleKindEnum, required: false }),
    },
    resolve: (query, _root, args, context) =>
      context.prisma.titleProposal.findMany({
        ...query,
        where: {
          cycleId: args.cycleId.id,
          cycle: buildCyclesWhere({ viewer: context.viewer }),
          AND: [buildProposalsWhere({ viewer: context.viewer })],
          ...(args.status ? { status: args.status } : {}),
          ...(args.title ? { title: args.title } : {}),
        },
        orderBy: [{ title: 'asc' }, { createdAt: 'asc' }],
      }),
  }),
  titleCandidates: t.withAuth({ loggedIn: true }).prismaConnection({
    type: 'EvaluationResult',
    cursor: 'id',
    defaultSize: 100,
    maxSize: 500,
    description:
      'The results the engine finds eligible for an individual title (granted, or eligible awaiting the ballot), in the viewer’s scope, not their own, without an open proposal of that title; every result for a title the engine has no rule for (Giấy khen)',
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      title: t.arg({ type: TitleKindEnum, required: true }),
      search: t.arg.string({ required: false, description: 'part of the name; diacritics ignored' }),
      unitId: t.arg.globalID({ required: false, for: UnitRef, description: 'the unit and its subtree' }),
    },
    resolve: async (query, _root, args, context) => {
      const { viewer } = context;
      const and: Prisma.EvaluationResultWhereInput[] = [
        { cycleId: args.cycleId.id, cycle: buildCyclesWhere({ viewer }) },
        buildResultsWhere({ viewer }),
        {
          person: {
            proposals: {
              none: {
                cycleId: args.cycleId.id,
                title: args.title,
                status: { in: [...openProposalStatuses] },
              },
            },
          },
        },
      ];
      if (viewer.personId) and.push({ personId: { not: viewer.personId } });
      // a collective title has no individual candidates
      if (collectiveTitles.includes(args.title)) and.push({ id: { in: [] } });
      if (titleHasRule(args.title, 'person')) {
        and.push({
          OR: (['GRANTED', 'ELIGIBLE'] as const).map((status) => ({
            titleEligibility: { array_contains: [{ title: args.title, status }] },
          })),
        });
      }
      if (args.unitId) {
        const tree = await context.unitTrees.get();
        and.push({ unitId: { in: descendantIds(tree, args.unitId.id) } });
      }
      const search = args.search?.trim();
      if (search) and.push({ person: { searchName: { contains: likeLiteral(toSearchText(search)) } } });
      return context.prisma.evaluationResult.findMany({
        ...query,
        where: { AND: and },
        orderBy: [{ person: { fullName: 'asc' } }, { id: 'asc' }],
      });
    },
  }),
  titleDecisions: t.withAuth({ loggedIn: true }).prismaField({
    type: ['TitleDecision'],
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: (query, _root, args, context) =>
      context.prisma.titleDecision.findMany({
        ...query,
        where: { cycleId: args.cycleId.id, cycle: buildCyclesWhere({ viewer: context.viewer }) },
        orderBy: [{ decidedOn: 'asc' }, { number: 'asc' }],
      }),
  }),
  ranking: t.withAuth({ loggedIn: true }).field({
    type: [RankedResultRef],
    description: 'People ranked by score within a unit (and its sub-units) in a cycle',
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      unitId: t.arg.globalID({ required: true, for: UnitRef }),
    },
    resolve: async (_root, args, context) => {
      const tree = await context.unitTrees.get();
      const results = await context.prisma.evaluationResult.findMany({
        where: {
          cycleId: args.cycleId.id,
          unitId: { in: descendantIds(tree, args.unitId.id) },
          score: { not: null },
          AND: [buildResultsWhere({ viewer: context.viewer })],
        },
        orderBy: [{ score: 'desc' }, { id: 'asc' }],
        select: { id: true, score: true },
      });
      let rank = 0;
      let previous: number | null = null;
      return results.map((result, index) => {
        if (result.score !== previous) rank = index + 1;
        previous = result.score;
        return { rank, resultId: result.id, result: null };
      });
    },
  }),
  blockRankings: t.withAuth({ loggedIn: true }).prismaField({
    type: ['UnitResult'],
    description:
      'Units ranked within their emulation blocks (the first of each is proposed for the Cờ thi đua): the units in the caller’s scope and the other units of their blocks (unit figures only: name, rank, unit score, collective titles)',
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: (query, _root, args, context) =>
      context.prisma.unitResult.findMany({
        ...query,
        where: {
          cycleId: args.cycleId.id,
          blockRank: { not: null },
          cycle: buildCyclesWhere({ viewer: context.viewer }),
          unit: buildBlockRankingUnitsWhere({ viewer: context.viewer }),
        },
        orderBy: [{ unit: { blockId: 'asc' } }, { blockRank: 'asc' }],
      }),
  }),
}));

const titleErrors = [...writeErrors, RuleViolationError, QuotaExceededError];

builder.mutationFields((t) => ({
  proposeTitle: t.withAuth({ role: ['UNIT_HEAD', 'OFFICER', 'ADMIN'] }).prismaField({
    type: 'TitleProposal',
    description:
      'Eligibility is the engine’s answer for every title it has a rule for (Bằng khen included): an ineligible proposal is refused (RuleViolationError naming the condition); a title it has no rule for (Giấy khen, a unit’s commendation) needs a reason and no criterion (hasCriteria false)',
    errors: { types: titleErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      personId: t.arg.globalID({ required: false }),
      unitId: t.arg.globalID({ required: false }),
      title: t.arg({ type: TitleKindEnum, required: true }),
      reason: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const proposal = await proposeTitle({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        cycleId: args.cycleId.id,
        personId: optionalLocalId(args.personId, 'Person', 'personId') ?? null,
        unitId: optionalLocalId(args.unitId, 'Unit', 'unitId') ?? null,
        title: args.title,
        reason: args.reason ?? '',
      });
      return context.prisma.titleProposal.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { id: proposal.id },
      });
    },
  }),
  proposeTitles: t.withAuth({ role: ['UNIT_HEAD', 'OFFICER', 'ADMIN'] }).field({
    type: ProposeTitlesOutcomeRef,
    description: `One individual title for several people (at most ${maxBulkProposals}) with one reason, each through proposeTitle: not all-or-nothing, the outcome names each person refused and why`,
    errors: { types: writeErrors },
    // each person is judged by the engine: counted like a list of that many lookups
    complexity: (args) => ({ field: 20 * Math.max(1, args.personIds.length), multiplier: 1 }),
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      title: t.arg({ type: TitleKindEnum, required: true }),
      personIds: t.arg.globalIDList({ required: true, for: PersonRef }),
      reason: t.arg.string({ required: false }),
    },
    resolve: (_root, args, context) =>
      proposeTitles({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        cycleId: args.cycleId.id,
        personIds: args.personIds.map((id) => id.id),
        title: args.title,
        reason: args.reason ?? '',
      }),
  }),
  withdrawTitleProposal: t.withAuth({ role: ['UNIT_HEAD', 'OFFICER', 'ADMIN'] }).prismaField({
    type: 'TitleProposal',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: TitleProposalRef }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const proposal = await withdrawTitleProposal({
        prisma: context.prisma,
        viewer: context.viewer,
        proposalId: args.id.id,
        version: args.version,
      });
      return context.prisma.titleProposal.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { id: proposal.id },
      });
    },
  }),
  reviewTitleProposal: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'TitleProposal',
    description: 'Records the council’s choice on a proposal that needs no secret ballot',
    errors: { types: titleErrors },
    args: {
      id: t.arg.globalID({ required: true, for: TitleProposalRef }),
      approved: t.arg.boolean({ required: true }),
      reason: t.arg.string({ required: false, description: 'the grounds: required to approve' }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const proposal = await reviewTitleProposal({
        prisma: context.prisma,
        viewer: context.viewer,
        proposalId: args.id.id,
        approved: args.approved,
        reason: args.reason,
        version: args.version,
      });
      return context.prisma.titleProposal.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { id: proposal.id },
      });
    },
  }),
  decideTitles: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'TitleDecision',
    description:
      'A signed award decision: passed ballots for CSTĐ cấp tỉnh/toàn quốc, approved proposals otherwise',
    errors: { types: titleErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      number: t.arg.string({ required: true }),
      decidedOn: t.arg({ type: 'Date', required: true }),
      signedBy: t.arg.string({ required: true }),
      proposalIds: t.arg.globalIDList({ required: true, for: TitleProposalRef }),
    },
    resolve: async (query, _root, args, context) => {
      const decision = await decideTitles({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: args.cycleId.id,
        number: args.number,
        decidedOn: args.decidedOn,
        signedBy: args.signedBy,
        proposalIds: args.proposalIds.map((id) => id.id),
      });
      return context.prisma.titleDecision.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { id: decision.id },
      });
    },
  }),
  revokeTitle: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'TitleDecision',
    description: 'Revocation (Luật Thi đua, khen thưởng 2022, chương VII): a new REVOCATION decision',
    errors: { types: writeErrors },
    args: {
      awardId: t.arg.globalID({ required: true }),
      reason: t.arg.string({ required: true }),
      number: t.arg.string({ required: true }),
      decidedOn: t.arg({ type: 'Date', required: true }),
      signedBy: t.arg.string({ required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const decision = await revokeTitle({
        prisma: context.prisma,
        viewer: context.viewer,
        awardId: optionalLocalId(args.awardId, 'TitleAward', 'awardId') ?? '',
        reason: args.reason,
        number: args.number,
        decidedOn: args.decidedOn,
        signedBy: args.signedBy,
      });
      return context.prisma.titleDecision.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { id: decision.id },
      });
    },
  }),
}));
