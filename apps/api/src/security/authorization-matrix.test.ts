// Who may call what, generated from the schema itself: every Query and Mutation field is called
// by every role (and anonymously) with forged ids, and the answer must match the table below.
// A field that is not in the table fails this test: nobody adds an unprotected field silently.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Role } from '@cadre/db';
import { demoCycleYear } from '@cadre/db';
import { testEngines } from '@cadre/db/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import ExcelJS from 'exceljs';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagLabels } from '../exports/labels.ts';
import { schema } from '../schema/index.ts';
import { scopedRelationFields } from '../scope/scoped-relations.ts';
import { createServer } from '../server.ts';
import {
  createDemoApp,
  type DemoAccount,
  type DemoApp,
  type GraphQLResult,
  leakedInternals,
} from './demo-app.ts';
import { collectScoped, type Reached, rootProbes } from './relation-paths.ts';

const everyone: Role[] = ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER', 'STAFF'];
const managers: Role[] = ['ADMIN', 'OFFICER'];

/**
 * The authorization table (DOMAIN.md §6, API.md, and the decisions in the schema's descriptions):
 * which roles pass the field's gate. Rows are then limited by scope (tested further down).
 * 'public' = callable without a session (only `login`).
 */
const allowed: Record<'Query' | 'Mutation', Record<string, Role[] | 'public'>> = {
  Query: {
    node: everyone,
    nodes: everyone,
    me: everyone,
    users: ['ADMIN'],
    blocks: everyone,
    units: everyone,
    unit: everyone,
    people: everyone,
    policyPacks: everyone,
    cycles: everyone,
    cycle: everyone,
    evaluationRun: everyone,
    results: everyone,
    myResult: everyone,
    unitQuota: everyone,
    unitResults: everyone,
    auditLog: managers,
    auditChain: ['ADMIN'],
    importBatch: everyone,
    importBatches: everyone,
    titleProposals: everyone,
    // results in the caller's scope (buildResultsWhere), as results are
    titleCandidates: everyone,
    titleDecisions: everyone,
    ranking: everyone,
    blockRankings: everyone,
    councils: everyone,
    councilSessions: everyone,
    flags: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    appealAttachmentLimits: everyone,
    appeals: everyone,
    myAppeals: everyone,
    calibration: ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER'],
    checklist: everyone,
    issuedDocuments: managers,
    nationalExports: managers,
    nationalExportDeadlines: managers,
    importMappings: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    importColumns: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    // a person's earlier ratings and periods: rows limited by the people builder
    ratingHistory: everyone,
    jobPositions: everyone,
    periodTracking: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    periodProgress: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    personPeriods: everyone,
    // a person's evidence: the people builder limits whose
    personEvidence: everyone,
    // the caller's own reminders only
    myReminders: everyone,
  },
  Mutation: {
    login: 'public',
    logout: everyone,
    changePassword: everyone,
    createUser: ['ADMIN'],
    updateUser: ['ADMIN'],
    deactivateUser: ['ADMIN'],
    resetPassword: ['ADMIN'],
    createUnit: managers,
    updateUnit: managers,
    createPerson: managers,
    updatePerson: managers,
    createCycle: managers,
    moveCycle: managers,
    runEvaluation: managers,
    // staff file their own; the service finds the caller's person (none: not found)
    submitSelfAssessment: everyone,
    assessPerson: ['UNIT_HEAD'],
    adjustRating: ['UNIT_HEAD', 'OFFICER', 'ADMIN'],
    correctRating: managers,
    recordQuotaException: managers,
    proposeTitle: ['UNIT_HEAD', 'OFFICER', 'ADMIN'],
    proposeTitles: ['UNIT_HEAD', 'OFFICER', 'ADMIN'],
    withdrawTitleProposal: ['UNIT_HEAD', 'OFFICER', 'ADMIN'],
    reviewTitleProposal: managers,
    decideTitles: managers,
    revokeTitle: managers,
    createCouncilSession: managers,
    openBallot: managers,
    closeBallot: managers,
    // members of the ballot's council only; everyone else finds no such ballot
    castVote: everyone,
    reviewFlag: managers,
    fileAppeal: everyone,
    withdrawAppeal: everyone,
    startAppealReview: managers,
    decideAppeal: managers,
    reviewCalibration: ['ADMIN', 'OFFICER', 'COUNCIL_MEMBER'],
    updateCycleDeadlines: managers,
    deleteCycle: managers,
    saveImportMapping: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    saveJobPosition: managers,
    saveProduct: managers,
    assignWork: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    recordPeriodResults: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    closePeriod: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    reopenPeriod: ['ADMIN', 'OFFICER'],
    // whoever may import a person's evidence corrects it (the service checks the person's unit)
    correctEvidence: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    deleteEvidence: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    // people of the caller's scope whose self-assessment is missing
    sendReminders: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    // the caller's own reminder (another's is left alone)
    dismissReminder: everyone,
  },
};

/**
 * Gate open to every role, but the service acts on the caller's own personnel record: callers
 * without one (the admin account) get FORBIDDEN about themselves, which reveals no row.
 */
const refusesCallersWithoutPerson = new Set([
  'submitSelfAssessment',
  'fileAppeal',
  'withdrawAppeal',
  'castVote',
]);

const accountOf: Record<Role, DemoAccount> = {
  ADMIN: 'admin',
  OFFICER: 'officer',
  UNIT_HEAD: 'head',
  COUNCIL_MEMBER: 'council',
  STAFF: 'staff',
};

/** The type an id argument names, so a forged id is well-formed and only the row is missing. */
function typenameForId(field: string, arg: string): string {
  const byArg: Record<string, string> = {
    cycleId: 'Cycle',
    unitId: 'Unit',
    personId: 'Person',
    resultId: 'EvaluationResult',
    ballotId: 'Ballot',
    sessionId: 'CouncilSession',
    proposalId: 'TitleProposal',
    proposalIds: 'TitleProposal',
    councilId: 'Council',
    awardId: 'TitleAward',
  };
  if (byArg[arg]) return byArg[arg];
  const byField: [RegExp, string][] = [
    [/User|resetPassword/, 'User'],
    [/Unit/, 'Unit'],
    [/Person/, 'Person'],
    [/Cycle/, 'Cycle'],
    [/evaluationRun/, 'EvaluationRun'],
    [/TitleProposal/, 'TitleProposal'],
    [/Flag/, 'Flag'],
    [/Appeal/, 'Appeal'],
    [/importBatch/, 'ImportBatch'],
    [/Evidence/, 'Task'],
  ];
  return byField.find(([pattern]) => new RegExp(pattern.source, 'i').test(field))?.[1] ?? 'Person';
}

const forgedId = (typename: string) => encodeGlobalID(typename, randomUUID());

/** A well-typed value for an argument: forged ids, short strings, the first enum value. */
function sampleValue(type: GraphQLInputType, field: string, arg: string, depth = 0): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, field, arg, depth);
  if (isListType(type)) return [sampleValue(type.ofType, field, arg, depth)];
  if (isEnumType(type)) return type.getValues()[0]?.value === undefined ? null : type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const inner of Object.values(type.getFields())) {
      if (isNonNullType(inner.type) && inner.defaultValue === undefined && depth < 4) {
        value[inner.name] = sampleValue(inner.type, field, inner.name, depth + 1);
      }
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return forgedId(typenameForId(field, arg));
      case 'Int':
        return 1;
      case 'Float':
        return 5;
      case 'Boolean':
        return false;
      case 'Date':
        return `${demoCycleYear}-06-30`;
      case 'DateTime':
        return `${demoCycleYear}-06-30T00:00:00.000Z`;
      case 'JSON':
        return {};
      default:
        return 'x-forged';
    }
  }
  return null;
}

function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (
    isUnionType(named) &&
    named.getTypes().some((member) => member.getInterfaces().some((i) => i.name === 'Error'))
  ) {
    return '{ __typename ... on Error { code message } }';
  }
  if (isUnionType(named) || isInterfaceType(named)) return '{ __typename }';
  if (isObjectType(named))
    return 'edges' in named.getFields() ? '{ __typename edges { cursor } }' : '{ __typename }';
  return '';
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const variables: Record<string, unknown> = {};
  for (const arg of required) variables[arg.name] = sampleValue(arg.type, field.name, arg.name);
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const query = `${kind}${declarations ? ` (${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionFor(field.type)} }`;
  return { query, variables };
}

type Outcome = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'ALLOWED';

function codesOf(result: GraphQLResult, field: string): string[] {
  const codes = (result.errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL'));
  const value = (result.data as Record<string, unknown> | null | undefined)?.[field];
  if (value && typeof value === 'object' && 'code' in value)
    codes.push(String((value as { code: unknown }).code));
  return codes;
}

function outcomeOf(result: GraphQLResult, field: string): Outcome {
  const codes = codesOf(result, field);
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  return 'ALLOWED';
}

/** With forged ids an allowed call finds nothing: no row's data may come back. */
function returnedData(result: GraphQLResult, field: string): boolean {
  const value = (result.data as Record<string, unknown> | null | undefined)?.[field];
  if (value === null || value === undefined || typeof value === 'boolean') return false;
  if (Array.isArray(value)) return value.some((item) => item !== null);
  if (typeof value === 'object') {
    const typename = (value as { __typename?: string }).__typename ?? '';
    const edges = (value as { edges?: unknown[] }).edges;
    if (edges) return edges.length > 0;
    return !/Error$/.test(typename);
  }
  return true;
}

/** Fields whose answer with forged ids is legitimately data (lists of what the caller may see, or the caller). */
const answersWithoutIds = (field: GraphQLField<unknown, unknown>) =>
  !field.args.some((arg) => getNamedType(arg.type).name === 'ID' && isNonNullType(arg.type));

const roots = (['Query', 'Mutation'] as const).map((name) => ({
  name,
  type: (name === 'Query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType,
}));

describe('the authorization table covers the schema', () => {
  for (const { name, type } of roots) {
    it(`every ${name} field has a row in the table (add new fields to it, with who may call them)`, () => {
      const missing = Object.keys(type.getFields()).filter((field) => !(field in allowed[name]));
      expect(missing, `${name} fields without an authorization row`).toEqual([]);
    });
  }
  it('the table names no field the schema lacks', () => {
    for (const { name, type } of roots) {
      expect(Object.keys(allowed[name]).filter((field) => !(field in type.getFields()))).toEqual([]);
    }
  });
});

describe('every field × every role, on the demo province', () => {
  let app: DemoApp;
  const counts = { calls: 0 };
  beforeAll(async () => {
    app = await createDemoApp('pglite');
    for (const role of everyone) await app.login(accountOf[role]);
  });
  afterAll(async () => {
    console.info(`[authorization matrix] ${counts.calls} calls (fields × roles, forged ids)`);
    await app.close();
  });

  for (const { name, type } of roots) {
    for (const field of Object.values(type.getFields())) {
      const expected = allowed[name][field.name];
      if (!expected) continue; // reported by the coverage test
      it(`${name}.${field.name}: anonymous ${expected === 'public' ? 'may call it' : 'gets UNAUTHENTICATED'}`, async () => {
        const { query, variables } = operationFor(name === 'Query' ? 'query' : 'mutation', field);
        const result = await app.graphql(query, variables);
        counts.calls += 1;
        expect(leakedInternals(result)).toEqual([]);
        expect(codesOf(result, field.name), 'the probe itself must be a valid operation').not.toContain(
          'GRAPHQL_VALIDATION_FAILED',
        );
        if (expected === 'public') {
          expect(outcomeOf(result, field.name)).not.toBe('FORBIDDEN');
        } else {
          expect(outcomeOf(result, field.name), result.text).toBe('UNAUTHENTICATED');
          expect(result.data?.[field.name] ?? null).toBeNull();
        }
      });
      if (expected === 'public') continue;
      for (const role of everyone) {
        const may = expected.includes(role);
        it(`${name}.${field.name}: ${role} ${may ? 'is let through; forged ids find nothing' : 'is refused'}`, async () => {
          const { query, variables } = operationFor(name === 'Query' ? 'query' : 'mutation', field);
          // logging out must not end the session the other checks use
          const token = await app.login(accountOf[role], { fresh: field.name === 'logout' });
          const result = await app.graphql(query, variables, { token });
          counts.calls += 1;
          expect(leakedInternals(result)).toEqual([]);
          expect(codesOf(result, field.name), result.text).not.toContain('GRAPHQL_VALIDATION_FAILED');
          const masked = (result.errors ?? []).filter((error) => /unexpected error/i.test(error.message));
          expect(masked.length, `masked internal error: ${result.text}`).toBe(0);
          if (!may) {
            expect(outcomeOf(result, field.name), result.text).toBe('FORBIDDEN');
            expect(returnedData(result, field.name)).toBe(false);
            return;
          }
          const outcome = outcomeOf(result, field.name);
          if (refusesCallersWithoutPerson.has(field.name) && outcome === 'FORBIDDEN') return;
          expect(outcome, result.text).toBe('ALLOWED');
          if (!answersWithoutIds(field)) expect(returnedData(result, field.name), result.text).toBe(false);
        });
      }
    }
  }
});

describe('out of scope looks exactly like not found', () => {
  let app: DemoApp;
  const ids = {
    headUnit: '',
    otherUnit: '',
    ownPerson: '',
    otherPerson: '',
    staffPerson: '',
    cycle: '',
    otherResult: '',
    ownResult: '',
  };
  const gid = encodeGlobalID;
  beforeAll(async () => {
    app = await createDemoApp('pglite');
    const { prisma } = app.db;
    const head = await prisma.user.findUniqueOrThrow({ where: { username: 'head' } });
    const staff = await prisma.user.findUniqueOrThrow({ where: { username: 'staff' } });
    ids.headUnit = head.scopeUnitId ?? '';
    const inScope = await app.services.unitTrees.get();
    const { descendantIds } = await import('../scope/unit-tree.ts');
    const scope = new Set(descendantIds(inScope, ids.headUnit));
    const other = await prisma.unit.findFirstOrThrow({
      where: { kind: 'DEPARTMENT', id: { notIn: [...scope] } },
    });
    ids.otherUnit = other.id;
    ids.otherPerson = (await prisma.person.findFirstOrThrow({ where: { unitId: other.id } })).id;
    ids.ownPerson = (
      await prisma.person.findFirstOrThrow({
        where: { unitId: { in: [...scope] }, id: { not: staff.personId ?? '' } },
      })
    ).id;
    ids.staffPerson = staff.personId ?? '';
    ids.cycle = (await prisma.cycle.findFirstOrThrow({ where: { year: demoCycleYear } })).id;
    const officer = await app.login('officer');
    const run = await app.graphql<{ runEvaluation: { __typename: string } }>(
      'mutation ($c: ID!) { runEvaluation(cycleId: $c, wait: true) { __typename ... on Error { code message } } }',
      { c: gid('Cycle', ids.cycle) },
      { token: officer },
    );
    expect(run.data?.runEvaluation.__typename, run.text).toBe('RunEvaluationSuccess');
    ids.otherResult = (
      await prisma.evaluationResult.findFirstOrThrow({ where: { personId: ids.otherPerson } })
    ).id;
    ids.ownResult = (
      await prisma.evaluationResult.findFirstOrThrow({ where: { personId: ids.ownPerson } })
    ).id;
  }, 180_000);
  afterAll(() => app.close());

  async function asHead(query: string, variables: Record<string, unknown>) {
    return app.graphql(query, variables, { token: await app.login('head') });
  }

  it('a head reads a person of their department but gets null for another department’s person, as for a forged id', async () => {
    const query = 'query ($id: ID!) { node(id: $id) { id ... on Person { fullName } } }';
    const own = await asHead(query, { id: gid('Person', ids.ownPerson) });
    expect(own.data?.node).toMatchObject({ id: gid('Person', ids.ownPerson) });
    for (const id of [
      gid('Person', ids.otherPerson),
      gid('Person', randomUUID()),
      gid('Unit', ids.otherPerson), // right row id, wrong type
      'bm90LWEtZ2xvYmFsLWlk', // base64 of nonsense
      '%%%not-base64',
    ]) {
      const result = await asHead(query, { id });
      expect(result.data?.node ?? null, id).toBeNull();
      expect(codesOf(result, 'node')).not.toContain('FORBIDDEN');
      expect(leakedInternals(result)).toEqual([]);
    }
  });

  it('another department’s unit is null for a head, its people are left out of lists', async () => {
    const unit = await asHead('query ($id: ID!) { unit(id: $id) { id name } }', {
      id: gid('Unit', ids.otherUnit),
    });
    expect(unit.data?.unit ?? null).toBeNull();
    expect(codesOf(unit, 'unit')).not.toContain('FORBIDDEN');
    const people = await asHead(
      'query ($u: ID) { people(first: 5, filter: { unitId: $u }) { totalCount edges { node { id } } } }',
      { u: gid('Unit', ids.otherUnit) },
    );
    expect(codesOf(people, 'people')).not.toContain('FORBIDDEN');
    expect((people.data?.people as { totalCount: number } | undefined)?.totalCount ?? 0).toBe(0);
    const nodes = await asHead('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [gid('Person', ids.ownPerson), gid('Person', ids.otherPerson)],
    });
    expect(nodes.data?.nodes).toEqual([{ id: gid('Person', ids.ownPerson) }, null]);
  });

  it('another department’s result: null to read, NOT_FOUND to adjust — same as a forged result id', async () => {
    const read = await asHead('query ($id: ID!) { node(id: $id) { id } }', {
      id: gid('EvaluationResult', ids.otherResult),
    });
    expect(read.data?.node ?? null).toBeNull();
    const adjust =
      'mutation ($r: ID!) { adjustRating(resultId: $r, rating: GOOD, reason: "thử", version: 1) { __typename ... on Error { code } } }';
    const outOfScope = await asHead(adjust, { r: gid('EvaluationResult', ids.otherResult) });
    const forged = await asHead(adjust, { r: gid('EvaluationResult', randomUUID()) });
    expect(codesOf(outOfScope, 'adjustRating')).toEqual(codesOf(forged, 'adjustRating'));
    expect(codesOf(outOfScope, 'adjustRating')).toEqual(['NOT_FOUND']);
  });

  it('a head assessing another department’s person is told not found, like a forged person', async () => {
    const assess =
      'mutation ($c: ID!, $p: ID!) { assessPerson(cycleId: $c, personId: $p, conductAssessment: 8) { __typename ... on Error { code } } }';
    const outOfScope = await asHead(assess, {
      c: gid('Cycle', ids.cycle),
      p: gid('Person', ids.otherPerson),
    });
    const forged = await asHead(assess, { c: gid('Cycle', ids.cycle), p: gid('Person', randomUUID()) });
    expect(codesOf(outOfScope, 'assessPerson')).toEqual(codesOf(forged, 'assessPerson'));
    expect(codesOf(outOfScope, 'assessPerson')).not.toContain('FORBIDDEN');
  });

  it('staff see themselves only: a colleague is null, and their own unpublished result is not shown yet', async () => {
    const token = await app.login('staff');
    const query = 'query ($id: ID!) { node(id: $id) { id } }';
    const self = await app.graphql(query, { id: gid('Person', ids.staffPerson) }, { token });
    expect(self.data?.node).toEqual({ id: gid('Person', ids.staffPerson) });
    const colleague = await app.graphql(query, { id: gid('Person', ids.ownPerson) }, { token });
    expect(colleague.data?.node ?? null).toBeNull();
    const result = await app.graphql(query, { id: gid('EvaluationResult', ids.ownResult) }, { token });
    expect(result.data?.node ?? null).toBeNull();
    const people = await app.graphql<{ people: { totalCount: number } }>(
      '{ people(first: 50) { totalCount } }',
      {},
      { token },
    );
    expect(people.data?.people.totalCount).toBe(1);
  });
});

// Relations, generated: from every root query field, every path of up to three relations that
// reaches a Person, User, EvaluationResult, Flag, Council, CouncilSession or Ballot is asked by every
// role, on data inside and outside each role's scope; every object that comes back must also be
// visible to the same caller through `nodes` (the scoped lookup). Accounts are for administrators.
describe.each(testEngines())(
  'every relation path × every role goes through the where-builders (%s)',
  (engine) => {
    let app: DemoApp;
    const ids = { cycle: '', root: '', personIn: '', personOut: '', officerUser: '' };
    beforeAll(async () => {
      app = await createDemoApp(engine);
      const { prisma } = app.db;
      const officer = await prisma.user.findUniqueOrThrow({ where: { username: 'officer' } });
      const head = await prisma.user.findUniqueOrThrow({ where: { username: 'head' } });
      ids.officerUser = officer.id;
      const cycle = await prisma.cycle.findFirstOrThrow({ where: { year: demoCycleYear } });
      ids.cycle = cycle.id;
      ids.root = cycle.scopeUnitId;
      const { descendantIds } = await import('../scope/unit-tree.ts');
      const scope = descendantIds(await app.services.unitTrees.get(), head.scopeUnitId ?? '');
      const token = await app.login('officer');
      const run = await app.graphql<{ runEvaluation: { __typename: string } }>(
        'mutation ($c: ID!) { runEvaluation(cycleId: $c, wait: true) { __typename } }',
        { c: encodeGlobalID('Cycle', cycle.id) },
        { token },
      );
      expect(run.data?.runEvaluation.__typename, run.text).toBe('RunEvaluationSuccess');
      // a person of the head's department and one outside it, each with a flag, a decision, a
      // proposal on a ballot and an award, all made by the officer's account
      const flagged = async (inside: boolean) =>
        prisma.flag.findFirstOrThrow({
          where: { cycleId: cycle.id, person: { unitId: inside ? { in: scope } : { notIn: scope } } },
        });
      const flagIn = await flagged(true);
      const flagOut = await flagged(false);
      ids.personIn = flagIn.personId;
      ids.personOut = flagOut.personId;
      await prisma.flag.updateMany({
        where: { id: { in: [flagIn.id, flagOut.id] } },
        data: { reviewedById: officer.id, reviewedAt: new Date(), review: 'ACCEPTED', reviewReason: 'thử' },
      });
      await prisma.cycle.update({ where: { id: cycle.id }, data: { status: 'REVIEW' } });
      await prisma.cycleTransition.create({
        data: { cycleId: cycle.id, fromStatus: 'ASSESSMENT', toStatus: 'REVIEW', byUserId: officer.id },
      });
      const council = await prisma.council.findFirstOrThrow();
      const session = await prisma.councilSession.create({
        data: { councilId: council.id, cycleId: cycle.id, number: '01/HĐ', heldOn: new Date(), quorum: 1 },
      });
      const decision = await prisma.titleDecision.create({
        data: { cycleId: cycle.id, number: '9/QĐ', decidedOn: new Date(), signedBy: 'Chủ tịch' },
      });
      for (const personId of [ids.personIn, ids.personOut]) {
        const result = await prisma.evaluationResult.findFirstOrThrow({
          where: { cycleId: cycle.id, personId },
        });
        await prisma.ratingDecision.create({
          data: {
            cycleId: cycle.id,
            resultId: result.id,
            personId,
            kind: 'ADJUSTMENT',
            fromRating: result.finalRating,
            toRating: result.finalRating,
            reason: 'thử',
            decidedById: officer.id,
          },
        });
        const proposal = await prisma.titleProposal.create({
          data: {
            cycleId: cycle.id,
            title: 'LDTT',
            personId,
            reason: 'thử',
            eligible: true,
            proposedById: officer.id,
          },
        });
        await prisma.ballot.create({
          data: { sessionId: session.id, proposalId: proposal.id, thresholdPercent: 50, members: 3 },
        });
        await prisma.titleAward.create({
          data: { decisionId: decision.id, proposalId: proposal.id, title: 'LDTT', personId },
        });
      }
      for (const role of everyone) await app.login(accountOf[role]);
    }, 240_000);
    afterAll(() => app?.close());

    const probeArgs = () => (field: string, arg: string) => {
      if (arg === 'cycleId' || (field === 'cycle' && arg === 'id')) return encodeGlobalID('Cycle', ids.cycle);
      if (arg === 'unitId' || (field === 'unit' && arg === 'id')) return encodeGlobalID('Unit', ids.root);
      return undefined;
    };

    it('the wrapper covers every relation the walk finds (nothing reaches a scoped type unwrapped)', () => {
      const wrapped = new Set(scopedRelationFields(schema).map((entry) => `${entry.type}.${entry.field}`));
      for (const required of [
        'CycleTransition.byUser',
        'RatingDecision.decidedBy',
        'TitleAward.person',
        'CouncilMember.user',
        'EvaluationResult.flags',
        'TitleProposal.ballots',
        'CouncilSession.council',
      ]) {
        expect(wrapped.has(required), required).toBe(true);
      }
      expect(rootProbes(schema, probeArgs()).length).toBeGreaterThan(10);
    });

    for (const role of everyone) {
      it(`${role}: every object reached through a relation is one \`nodes\` shows them`, async () => {
        const token = await app.login(accountOf[role]);
        const reached = new Map<string, Reached>();
        for (const probe of rootProbes(schema, probeArgs())) {
          const result = await app.graphql(probe.query, probe.variables, { token });
          expect(leakedInternals(result), probe.query).toEqual([]);
          const codes = codesOf(result, probe.root);
          expect(codes, `${probe.query}\n${result.text.slice(0, 500)}`).not.toContain(
            'GRAPHQL_VALIDATION_FAILED',
          );
          expect(codes, probe.root).not.toContain('INTERNAL');
          for (const item of collectScoped(result.data, probe.root)) {
            if (!reached.has(item.id)) reached.set(item.id, item);
          }
        }
        const all = [...reached.values()];
        const leaks: string[] = [];
        for (let start = 0; start < all.length; start += 100) {
          const chunk = all.slice(start, start + 100);
          const lookup = await app.graphql<{ nodes: ({ id: string } | null)[] }>(
            'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
            { ids: chunk.map((item) => item.id) },
            { token },
          );
          chunk.forEach((item, index) => {
            if (!lookup.data?.nodes[index]) leaks.push(`${item.typename} at ${item.path}`);
          });
        }
        expect(leaks, `${role} reached objects outside their scope`).toEqual([]);
        const typenames = new Set(all.map((item) => item.typename));
        if (role !== 'ADMIN')
          expect([...typenames].filter((name) => name === 'User').length).toBeLessThanOrEqual(1);
        if (role === 'ADMIN')
          expect([...typenames]).toEqual(expect.arrayContaining(['Person', 'User', 'Ballot']));
        if (role === 'UNIT_HEAD') {
          expect(reached.has(encodeGlobalID('Person', ids.personIn))).toBe(true);
          expect(reached.has(encodeGlobalID('Person', ids.personOut))).toBe(false);
        }
        if (role === 'COUNCIL_MEMBER' || role === 'STAFF') expect(typenames.has('Flag')).toBe(false);
      }, 120_000);
    }

    it('the account behind a decision, a transition or a council seat is for administrators; others read the name', async () => {
      const query = `query ($c: ID!) {
      cycle(id: $c) { transitions { byUser { id lastLoginAt person { birthDate } } byName } }
      councils { members { displayName user { id lastLoginAt } } }
      titleDecisions(cycleId: $c) { awards { person { id birthDate email } } }
    }`;
      const asCouncil = await app.graphql<{
        cycle: { transitions: { byUser: unknown; byName: string | null }[] };
        councils: { members: { displayName: string; user: unknown }[] }[];
        titleDecisions: { awards: { person: { id: string } | null }[] }[];
      }>(query, { c: encodeGlobalID('Cycle', ids.cycle) }, { token: await app.login('council') });
      expect(asCouncil.errors, asCouncil.text).toBeUndefined();
      const transitions = asCouncil.data?.cycle.transitions ?? [];
      expect(transitions.length).toBeGreaterThan(0);
      expect(transitions.every((t) => t.byUser === null)).toBe(true);
      expect(transitions.some((t) => typeof t.byName === 'string')).toBe(true);
      const members = asCouncil.data?.councils.flatMap((council) => council.members) ?? [];
      expect(members.length).toBeGreaterThan(1);
      // their own seat only: nobody reads another member's last login
      expect(members.filter((member) => member.user !== null).length).toBe(1);
      expect(members.every((member) => member.displayName.length > 0)).toBe(true);
      const asHead = await app.graphql<typeof asCouncil.data>(
        query,
        { c: encodeGlobalID('Cycle', ids.cycle) },
        {
          token: await app.login('head'),
        },
      );
      const awarded = asHead.data?.titleDecisions.flatMap((decision) => decision.awards) ?? [];
      expect(awarded.map((award) => award.person?.id ?? null).sort()).toEqual(
        [encodeGlobalID('Person', ids.personIn), null].sort(),
      );
    });

    it('flags beside results: none for council members and staff, only the head’s units for a head', async () => {
      const query = `query ($c: ID!) { results(cycleId: $c, first: 500) { edges { node { person { id } flags { id kind reason } } } } }`;
      const asCouncil = await app.graphql<{
        results: { edges: { node: { person: { id: string }; flags: unknown[] } }[] };
      }>(query, { c: encodeGlobalID('Cycle', ids.cycle) }, { token: await app.login('council') });
      expect(asCouncil.errors, asCouncil.text).toBeUndefined();
      const rows = asCouncil.data?.results.edges ?? [];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.flatMap((edge) => edge.node.flags)).toEqual([]);
      const asHead = await app.graphql<typeof asCouncil.data>(
        query,
        { c: encodeGlobalID('Cycle', ids.cycle) },
        {
          token: await app.login('head'),
        },
      );
      const personIds = new Set(asHead.data?.results.edges.map((edge) => edge.node.person.id));
      expect(personIds.has(encodeGlobalID('Person', ids.personOut))).toBe(false);
      expect(asHead.data?.results.edges.some((edge) => edge.node.flags.length > 0)).toBe(true);
    });

    it('the results spreadsheet: an officer’s names the flags, a council member’s names none', async () => {
      const server = createHttpServer(
        createServer({ services: app.services, demo: null, yoga: app.yoga }).handler,
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const labels = Object.values(flagLabels);
      /** every text cell of the workbook a role downloads */
      const cellsFor = async (account: DemoAccount) => {
        const response = await fetch(
          `http://127.0.0.1:${port}/api/export/results.xlsx?cycleId=${encodeURIComponent(encodeGlobalID('Cycle', ids.cycle))}`,
          { headers: { authorization: `Bearer ${await app.login(account)}` } },
        );
        expect(response.status, account).toBe(200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await response.arrayBuffer());
        const cells: string[] = [];
        workbook.eachSheet((sheet) =>
          sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))),
        );
        return cells;
      };
      try {
        const named = (cells: string[]) =>
          cells.filter((cell) => labels.some((label) => cell.includes(label)));
        expect(named(await cellsFor('officer')).length).toBeGreaterThan(0);
        const council = await cellsFor('council');
        expect(council.length).toBeGreaterThan(20);
        expect(named(council)).toEqual([]);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  },
);
