import { builder } from '../../builder.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { writeErrors } from '../../schema/errors.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { buildCouncilsWhere, buildSessionsWhere } from '../emulation/build-proposals-where.ts';
import { TitleProposalRef } from '../emulation/emulation.ts';
import { castVote } from './services/cast-vote.ts';
import { closeBallot } from './services/close-ballot.ts';
import { createCouncilSession } from './services/create-council-session.ts';
import { openBallot } from './services/open-ballot.ts';

const CouncilRoleEnum = builder.enumType('CouncilRole', {
  values: ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'SECRETARY'] as const,
});
const SessionStatusEnum = builder.enumType('SessionStatus', {
  values: ['SCHEDULED', 'OPEN', 'CLOSED'] as const,
});
const BallotStatusEnum = builder.enumType('BallotStatus', { values: ['OPEN', 'CLOSED'] as const });
const BallotResultEnum = builder.enumType('BallotResult', {
  values: ['PASSED', 'FAILED', 'NO_QUORUM'] as const,
});
const VoteChoiceEnum = builder.enumType('VoteChoice', { values: ['FOR', 'AGAINST', 'ABSTAIN'] as const });

export const CouncilRef = builder.prismaNode('Council', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildCouncilsWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    name: t.exposeString('name'),
    scopeUnit: t.relation('scopeUnit'),
    members: t.relation('members', { query: { where: { active: true }, orderBy: { role: 'asc' } } }),
    sessions: t.relation('sessions', { query: { orderBy: { heldOn: 'asc' } } }),
  }),
});

builder.prismaObject('CouncilMember', {
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: CouncilRoleEnum }),
    user: t.relation('user', { nullable: true, description: 'the account: administrators only' }),
    displayName: t.string({
      nullable: false,
      description: 'the member’s display name',
      select: { user: { select: { displayName: true } } },
      resolve: (row) => row.user.displayName,
    }),
  }),
});

builder.prismaObject('BallotRecusal', {
  fields: (t) => ({
    member: t.relation('member'),
    reason: t.exposeString('reason'),
  }),
});

export const CouncilSessionRef = builder.prismaNode('CouncilSession', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildSessionsWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    number: t.exposeString('number'),
    heldOn: t.expose('heldOn', { type: 'Date' }),
    status: t.expose('status', { type: SessionStatusEnum }),
    quorum: t.exposeInt('quorum'),
    council: t.relation('council'),
    cycle: t.relation('cycle'),
    ballots: t.relation('ballots', { query: { orderBy: { openedAt: 'asc' } } }),
  }),
});

const closed = (ballot: { status: string }) => ballot.status === 'CLOSED';

// Counts stay hidden from everyone until the ballot closes: nobody can follow it while it runs.
export const BallotRef = builder.prismaNode('Ballot', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, session: buildSessionsWhere({ viewer: context.viewer }) } : { id },
  fields: (t) => ({
    status: t.expose('status', { type: BallotStatusEnum }),
    thresholdPercent: t.exposeFloat('thresholdPercent'),
    members: t.exposeInt('members', { description: 'all members of the council when the ballot opened' }),
    forCount: t.int({ nullable: true, resolve: (ballot) => (closed(ballot) ? ballot.forCount : null) }),
    againstCount: t.int({
      nullable: true,
      resolve: (ballot) => (closed(ballot) ? ballot.againstCount : null),
    }),
    abstainCount: t.int({
      nullable: true,
      resolve: (ballot) => (closed(ballot) ? ballot.abstainCount : null),
    }),
    forPercent: t.float({
      nullable: true,
      description: 'votes for as a percentage of all members',
      resolve: (ballot) =>
        closed(ballot) && ballot.forCount !== null && ballot.members > 0
          ? Math.round((ballot.forCount * 1000) / ballot.members) / 10
          : null,
    }),
    result: t.field({
      type: BallotResultEnum,
      nullable: true,
      resolve: (ballot) => (closed(ballot) ? ballot.result : null),
    }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    proposal: t.relation('proposal'),
    session: t.relation('session'),
    recusals: t.relation('recusals'),
    hasVoted: t.relationCount('participations', {
      description: '1 when the caller has voted on this ballot, else 0',
      where: (_args, context) => ({ member: { userId: context.viewer?.userId ?? '-' } }),
    }),
    turnout: t.relationCount('participations', {
      description: 'how many members have voted so far (who voted is known, never how)',
    }),
    myRecusal: t.string({
      nullable: true,
      description: 'why the caller is recused from this ballot (null: not recused)',
      select: (_args, context) => ({
        recusals: { where: { member: { userId: context.viewer?.userId ?? '-' } }, select: { reason: true } },
      }),
      resolve: (ballot) => ballot.recusals[0]?.reason ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  councils: t.withAuth({ loggedIn: true }).prismaField({
    type: ['Council'],
    resolve: (query, _root, _args, context) =>
      context.prisma.council.findMany({
        ...query,
        where: buildCouncilsWhere({ viewer: context.viewer }),
        orderBy: { name: 'asc' },
      }),
  }),
  councilSessions: t.withAuth({ loggedIn: true }).prismaField({
    type: ['CouncilSession'],
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: (query, _root, args, context) =>
      context.prisma.councilSession.findMany({
        ...query,
        where: { cycleId: args.cycleId.id, AND: [buildSessionsWhere({ viewer: context.viewer })] },
        orderBy: { heldOn: 'asc' },
      }),
  }),
}));

builder.mutationFields((t) => ({
  createCouncilSession: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'CouncilSession',
    errors: { types: writeErrors },
    args: {
      councilId: t.arg.globalID({ required: true, for: CouncilRef }),
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      number: t.arg.string({ required: true }),
      heldOn: t.arg({ type: 'Date', required: true }),
      quorum: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const session = await createCouncilSession({
        prisma: context.prisma,
        viewer: context.viewer,
        councilId: args.councilId.id,
        cycleId: args.cycleId.id,
        number: args.number,
        heldOn: args.heldOn,
        quorum: args.quorum,
      });
      return context.prisma.councilSession.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { id: session.id },
      });
    },
  }),
  openBallot: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'Ballot',
    description:
      'A secret ballot on one proposal; members who are the nominee or head the nominee’s unit are recused',
    errors: { types: writeErrors },
    args: {
      sessionId: t.arg.globalID({ required: true, for: CouncilSessionRef }),
      proposalId: t.arg.globalID({ required: true, for: TitleProposalRef }),
    },
    resolve: async (query, _root, args, context) => {
      const ballot = await openBallot({
        prisma: context.prisma,
        viewer: context.viewer,
        sessionId: args.sessionId.id,
        proposalId: args.proposalId.id,
      });
      return context.prisma.ballot.findUniqueOrThrow({ ...nonEmpty(query), where: { id: ballot.id } });
    },
  }),
  castVote: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Ballot',
    description: 'Once per member; the vote is stored without any link to the voter',
    errors: { types: writeErrors },
    args: {
      ballotId: t.arg.globalID({ required: true, for: BallotRef }),
      choice: t.arg({ type: VoteChoiceEnum, required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const vote = await castVote({
        prisma: context.prisma,
        viewer: context.viewer,
        secretKey: context.config.secretKey,
        ballotId: args.ballotId.id,
        choice: args.choice,
      });
      return context.prisma.ballot.findUniqueOrThrow({ ...nonEmpty(query), where: { id: vote.ballotId } });
    },
  }),
  closeBallot: t.withAuth({ role: ['OFFICER', 'ADMIN'] }).prismaField({
    type: 'Ballot',
    description:
      'Counts the votes: PASSED when for ≥ threshold% of all members and the quorum took part; NO_QUORUM otherwise',
    errors: { types: writeErrors },
    args: {
      ballotId: t.arg.globalID({ required: true, for: BallotRef }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const ballot = await closeBallot({
        prisma: context.prisma,
        viewer: context.viewer,
        secretKey: context.config.secretKey,
        ballotId: args.ballotId.id,
        version: args.version,
      });
      return context.prisma.ballot.findUniqueOrThrow({ ...nonEmpty(query), where: { id: ballot.id } });
    },
  }),
}));
