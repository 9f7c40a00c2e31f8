// What a council member reads of the proposals put to their council, before the cycle's review
// step as after: the nominee's code and unit (with its parent), the reason, the engine's standing
// for the title and the ballot threshold — and nothing of anyone's vote.
import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

const proposalsQuery = `query ($c: ID!) { titleProposals(cycleId: $c) {
  id title reason eligible needsBallot ballotThresholdPercent
  nomineeStanding { status needsBallot reasons citation }
  person { code fullName birthDate personalId unit { name parent { name } } }
  ballots { status forCount againstCount thresholdPercent } } }`;

type ProposalView = {
  id: string;
  title: string;
  reason: string;
  needsBallot: boolean;
  ballotThresholdPercent: number | null;
  nomineeStanding: { status: string; reasons: string[] } | null;
  person: {
    code: string;
    fullName: string;
    birthDate: string | null;
    personalId: string | null;
    unit: { name: string; parent: { name: string } | null };
  } | null;
  ballots: { status: string; forCount: number | null; thresholdPercent: number }[];
};

describe.each(testEngines())('proposals put to a council on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  let binhId: string;

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const { people, units } = app.fixture;
    binhId = gid('Person', people.binh);
    await prisma.person.update({
      where: { id: people.binh },
      data: { birthDate: new Date('1990-01-01'), personalId: '001190000001' },
    });
    // the council meets while the heads still assess: the cycle is not at its review step
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: units.province,
        status: 'ASSESSMENT',
        overrides: { ballotThresholdPercent: 70 },
      },
    });
    cycleId = gid('Cycle', cycle.id);
    await prisma.evaluationResult.create({
      data: {
        cycleId: cycle.id,
        personId: people.binh,
        unitId: units.dept1a,
        score: 91,
        proposedRating: 'EXCELLENT',
        engineRating: 'EXCELLENT',
        finalRating: 'EXCELLENT',
        titles: ['LDTT', 'CSTDCS'],
        trace: [],
        titleEligibility: [
          {
            title: 'CSTD_TINH',
            status: 'ELIGIBLE',
            needsBallot: true,
            rule: 'title.cstd-tinh',
            citation: 'Nghị định 152/2025 Đ8',
            reasons: ['cần phiếu kín của Hội đồng'],
          },
        ],
      },
    });
    await prisma.ratingHistory.createMany({
      data: [2024, 2025].map((year) => ({
        personId: people.binh,
        year,
        rating: 'EXCELLENT' as const,
        titles: ['CSTDCS'],
        unitId: units.dept1a,
      })),
    });
    const proposal = await prisma.titleProposal.create({
      data: {
        cycleId: cycle.id,
        title: 'CSTD_TINH',
        personId: people.binh,
        reason: 'Sáng kiến số hóa hồ sơ một cửa cấp tỉnh',
        eligible: true,
        status: 'IN_BALLOT',
      },
    });
    const board = await prisma.council.findFirstOrThrow();
    const session = await prisma.councilSession.create({
      data: {
        councilId: board.id,
        cycleId: cycle.id,
        number: '01/HĐ',
        heldOn: new Date('2026-12-15'),
        quorum: 1,
        status: 'OPEN',
      },
    });
    await prisma.ballot.create({
      data: { sessionId: session.id, proposalId: proposal.id, thresholdPercent: 70, members: 1 },
    });
  });
  afterAll(() => app.close());

  it('shows the council member what they vote on, read-only and without personal details', async () => {
    const token = await app.login('council');
    const result = await app.graphql<{ titleProposals: ProposalView[] }>(
      proposalsQuery,
      { c: cycleId },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.titleProposals).toEqual([
      expect.objectContaining({
        title: 'CSTD_TINH',
        reason: 'Sáng kiến số hóa hồ sơ một cửa cấp tỉnh',
        needsBallot: true,
        ballotThresholdPercent: 70,
        nomineeStanding: expect.objectContaining({
          status: 'ELIGIBLE',
          reasons: ['cần phiếu kín của Hội đồng'],
        }),
        person: {
          code: 'P2',
          fullName: 'Trần Thị Bình',
          birthDate: null,
          personalId: null,
          unit: { name: expect.any(String), parent: { name: expect.any(String) } },
        },
        ballots: [{ status: 'OPEN', forCount: null, againstCount: null, thresholdPercent: 70 }],
      }),
    ]);
    const history = await app.graphql<{ ratingHistory: { year: number; rating: string }[] }>(
      'query ($p: ID!) { ratingHistory(personId: $p) { year rating titles unitName } }',
      { p: binhId },
      { token },
    );
    expect(history.data?.ratingHistory.map((row) => row.year)).toEqual([2024, 2025]);
  });

  it('gives the head and the nominee what their roles allow, as before', async () => {
    const staff = await app.graphql<{ titleProposals: ProposalView[] }>(
      'query ($c: ID!) { titleProposals(cycleId: $c) { id } }',
      { c: cycleId },
      { token: await app.login('head') },
    );
    // the head of Bình's department sees it; Bình (staff) sees the proposal naming her
    expect(staff.data?.titleProposals).toHaveLength(1);
    const other = await app.graphql<{ titleProposals: ProposalView[] }>(
      'query ($c: ID!) { titleProposals(cycleId: $c) { id } }',
      { c: cycleId },
      { token: await app.login('staff') },
    );
    expect(other.data?.titleProposals).toHaveLength(1);
  });
});
