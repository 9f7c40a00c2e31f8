import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePassword } from '../../test-support/fixture.ts';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type Typed = {
  __typename: string;
  message?: string;
  code?: string;
  rule?: string;
  data?: Record<string, unknown>;
};

const propose = `mutation ($cycleId: ID!, $personId: ID, $unitId: ID, $title: TitleKind!, $reason: String) {
  proposeTitle(cycleId: $cycleId, personId: $personId, unitId: $unitId, title: $title, reason: $reason) {
    __typename ... on ProposeTitleSuccess { data { id status eligible version eligibility { rule } } }
    ... on Error { message code } ... on RuleViolationError { rule } } }`;

const ballotQuery = `query ($id: ID!) { node(id: $id) { ... on Ballot { status forCount againstCount result hasVoted
  recusals { reason } } } }`;

describe.each(testEngines())('emulation titles and secret ballots on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  let councilId: string;
  let ballotId: string;
  let proposalId: string;
  const tokens = new Map<string, string>();

  async function token(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached) return cached;
    const result = await app.graphql<{ login: { token: string } }>(
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: fixturePassword },
    );
    const value = result.data?.login.token ?? '';
    tokens.set(username, value);
    return value;
  }

  async function run(user: string, query: string, variables: Record<string, unknown>) {
    return app.graphql<Record<string, Typed>>(query, variables, { token: await token(user) });
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const { people, units } = app.fixture;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: units.province,
        status: 'REVIEW',
        overrides: { ballotThresholdPercent: 60 },
      },
    });
    cycleId = gid('Cycle', cycle.id);
    // the evidence the rules engine judges titles on: Bình has done her work, was CSTĐCS the two
    // years before and has a provincial initiative this year; Em has done his, without initiative
    for (const [personId, code] of [
      [people.binh, 'T-BINH'],
      [people.em, 'T-EM'],
    ] as const) {
      await prisma.task.create({
        data: {
          cycleId: cycle.id,
          personId,
          code,
          title: 'Giải quyết hồ sơ',
          dueOn: new Date('2026-06-30'),
          completedOn: new Date('2026-06-20'),
          planned: 1,
          actual: 1,
        },
      });
    }
    // their head has assessed them (without it the engine leaves them awaiting the assessment)
    await prisma.headAssessment.createMany({
      data: [people.binh, people.em].map((personId) => ({
        cycleId: cycle.id,
        personId,
        conductAssessment: 10,
      })),
    });
    await prisma.ratingHistory.createMany({
      data: [2024, 2025].map((year) => ({
        personId: people.binh,
        year,
        rating: 'EXCELLENT' as const,
        titles: ['LDTT', 'CSTDCS'],
      })),
    });
    await prisma.initiative.create({
      data: {
        personId: people.binh,
        title: 'Số hóa hồ sơ một cửa',
        scope: 'PROVINCE',
        recognizedOn: new Date('2026-05-01'),
      },
    });
    const result = (personId: string, unitId: string, titles: string[], trace: object[]) =>
      prisma.evaluationResult.create({
        data: {
          cycleId: cycle.id,
          personId,
          unitId,
          score: 91,
          proposedRating: 'EXCELLENT',
          engineRating: 'EXCELLENT',
          finalRating: 'EXCELLENT',
          titles,
          trace,
        },
      });
    await result(
      people.binh,
      units.dept1a,
      ['LDTT', 'CSTDCS'],
      [
        {
          rule: 'title.cstd-tinh',
          citation: 'Nghị định 98/2023',
          effect: 'PENDING',
          detail: 'cần bỏ phiếu kín của Hội đồng (ballot)',
        },
      ],
    );
    await result(
      people.em,
      units.dept1,
      ['LDTT'],
      [
        {
          rule: 'title.cstdcs',
          citation: 'Luật TĐKT 2022 Đ23',
          effect: 'REFUSED',
          detail: 'không có sáng kiến được công nhận',
        },
      ],
    );
    // a second and a third council member: one heads Bình's division (recused)
    const template = await prisma.user.findUniqueOrThrow({ where: { username: 'council' } });
    const chief = await prisma.person.create({
      data: {
        code: 'P6',
        fullName: 'Võ Văn Sáu',
        searchName: 'vo van sau',
        unitId: units.dept1a,
        leadsUnitId: units.dept1a,
        category: 'CONG_CHUC',
        hiredOn: new Date('2010-01-01'),
      },
    });
    const board = await prisma.council.findFirstOrThrow();
    councilId = gid('Council', board.id);
    for (const [username, personId] of [
      ['council2', null],
      ['council3', chief.id],
    ] as const) {
      const user = await prisma.user.create({
        data: {
          username,
          displayName: username,
          passwordHash: template.passwordHash,
          role: 'COUNCIL_MEMBER',
          personId,
        },
      });
      await prisma.councilMember.create({ data: { councilId: board.id, userId: user.id } });
    }
  });
  afterAll(() => app.close());

  it('lets a unit head propose an eligible title, with the engine’s trace, and refuses the rest', async () => {
    const ok = await run('head', propose, {
      cycleId,
      personId: gid('Person', app.fixture.people.binh),
      title: 'CSTD_TINH',
    });
    expect(ok.data?.proposeTitle?.__typename, JSON.stringify(ok)).toBe('ProposeTitleSuccess');
    const data = ok.data?.proposeTitle?.data as {
      id: string;
      eligible: boolean;
      eligibility: { rule: string }[];
    };
    expect(data.eligible).toBe(true);
    expect(data.eligibility[0]?.rule).toBe('title.cstd-tinh');
    proposalId = data.id;

    const refused = await run('head', propose, {
      cycleId,
      personId: gid('Person', app.fixture.people.em),
      title: 'CSTDCS',
    });
    expect(refused.data?.proposeTitle).toMatchObject({
      __typename: 'RuleViolationError',
      rule: 'title.cstdcs',
    });
    expect(refused.data?.proposeTitle?.message).toMatch(/không có sáng kiến/);

    const noReason = await run('head', propose, {
      cycleId,
      personId: gid('Person', app.fixture.people.em),
      title: 'GIAY_KHEN',
    });
    expect(noReason.data?.proposeTitle?.__typename).toBe('ValidationError');
    const withReason = await run('head', propose, {
      cycleId,
      personId: gid('Person', app.fixture.people.em),
      title: 'GIAY_KHEN',
      reason: 'Hoàn thành xuất sắc đợt cao điểm cải cách hành chính',
    });
    expect(withReason.data?.proposeTitle?.__typename).toBe('ProposeTitleSuccess');

    const outside = await run('head', propose, {
      cycleId,
      personId: gid('Person', app.fixture.people.cuong),
      title: 'LDTT',
    });
    expect(outside.data?.proposeTitle?.__typename).toBe('NotFoundError');
    for (const user of ['staff', 'council']) {
      const denied = await run(user, propose, {
        cycleId,
        personId: gid('Person', app.fixture.people.em),
        title: 'LDTT',
      });
      expect(denied.errors?.[0]?.extensions?.code ?? denied.data?.proposeTitle?.code).toBe('FORBIDDEN');
    }
  });

  it('runs a secret ballot: recusal, one vote each, no counts before closing, threshold of all members', async () => {
    const session = await run(
      'officer',
      `mutation ($c: ID!, $y: ID!) { createCouncilSession(councilId: $c, cycleId: $y, number: "01/HĐ", heldOn: "2026-12-15", quorum: 2) {
        __typename ... on CreateCouncilSessionSuccess { data { id } } ... on Error { message } } }`,
      { c: councilId, y: cycleId },
    );
    const sessionId = String((session.data?.createCouncilSession?.data as { id?: string } | undefined)?.id);
    const denied = await run(
      'head',
      `mutation ($s: ID!, $p: ID!) { openBallot(sessionId: $s, proposalId: $p) { __typename } }`,
      {
        s: sessionId,
        p: proposalId,
      },
    );
    expect(denied.data?.openBallot?.__typename ?? denied.errors?.[0]?.extensions?.code).toMatch(
      /FORBIDDEN|ForbiddenError/,
    );
    const opened = await run(
      'officer',
      `mutation ($s: ID!, $p: ID!) { openBallot(sessionId: $s, proposalId: $p) {
        __typename ... on OpenBallotSuccess { data { id members thresholdPercent recusals { reason } } } ... on Error { message } } }`,
      { s: sessionId, p: proposalId },
    );
    const ballot = opened.data?.openBallot?.data as {
      id: string;
      members: number;
      thresholdPercent: number;
      recusals: { reason: string }[];
    };
    expect(ballot.members).toBe(3);
    expect(ballot.thresholdPercent).toBe(60);
    expect(ballot.recusals.map((recusal) => recusal.reason)).toEqual([
      expect.stringMatching(/thủ trưởng đơn vị/),
    ]);
    ballotId = ballot.id;

    const vote = `mutation ($b: ID!, $c: VoteChoice!) { castVote(ballotId: $b, choice: $c) { __typename ... on CastVoteSuccess { data { hasVoted forCount } } ... on Error { code message } } }`;
    const first = await run('council', vote, { b: ballotId, c: 'FOR' });
    expect(first.data?.castVote?.data).toEqual({ hasVoted: 1, forCount: null });
    const twice = await run('council', vote, { b: ballotId, c: 'AGAINST' });
    expect(twice.data?.castVote).toMatchObject({ __typename: 'ConflictError' });
    const recused = await run('council3', vote, { b: ballotId, c: 'FOR' });
    expect(recused.data?.castVote?.__typename).toBe('ForbiddenError');
    expect((await run('staff', vote, { b: ballotId, c: 'FOR' })).data?.castVote?.__typename).toBe(
      'NotFoundError',
    );
    await run('council2', vote, { b: ballotId, c: 'FOR' });

    for (const user of ['council', 'officer']) {
      const seen = await run(user, ballotQuery, { id: ballotId });
      expect(seen.data?.node).toMatchObject({
        status: 'OPEN',
        forCount: null,
        againstCount: null,
        result: null,
      });
    }
    // while open the choices are sealed; nothing is counted yet (security/ballot-secrecy.test.ts)
    expect(await app.db.prisma.ballotVote.count()).toBe(0);
    const sealed = await app.db.prisma.ballotSealedVote.findMany();
    expect(Object.keys(sealed[0] ?? {}).sort()).toEqual(['ballotId', 'id', 'sealed']);

    const close = await run(
      'officer',
      `mutation ($b: ID!) { closeBallot(ballotId: $b, version: 1) { __typename ... on CloseBallotSuccess { data { status forCount againstCount abstainCount forPercent result } } ... on Error { message } } }`,
      { b: ballotId },
    );
    // 2 of 3 members = 66.7% ≥ the cycle's 60%
    expect(close.data?.closeBallot?.data).toEqual({
      status: 'CLOSED',
      forCount: 2,
      againstCount: 0,
      abstainCount: 0,
      forPercent: 66.7,
      result: 'PASSED',
    });
    const late = await run('council3', vote, { b: ballotId, c: 'FOR' });
    expect(late.data?.castVote?.__typename).toBe('ForbiddenError');
  });

  it('decides titles only on passed ballots or approved proposals, then revokes with a new decision', async () => {
    const proposals = await run(
      'officer',
      `query ($c: ID!) { titleProposals(cycleId: $c) { id title status version } }`,
      {
        c: cycleId,
      },
    );
    const list = proposals.data?.titleProposals as unknown as {
      id: string;
      title: string;
      status: string;
      version: number;
    }[];
    const commendation = list.find((proposal) => proposal.title === 'GIAY_KHEN');
    const decide = `mutation ($c: ID!, $n: String!, $ids: [ID!]!) { decideTitles(cycleId: $c, number: $n, decidedOn: "2026-12-20", signedBy: "Chủ tịch UBND tỉnh", proposalIds: $ids) {
      __typename ... on DecideTitlesSuccess { data { id number awards { id title person { fullName } } } } ... on Error { message code } } }`;
    const early = await run('officer', decide, {
      c: cycleId,
      n: '100/QĐ-UBND',
      ids: [proposalId, commendation?.id],
    });
    expect(early.data?.decideTitles?.__typename).toBe('RuleViolationError');
    const approve = await run(
      'officer',
      `mutation ($id: ID!, $v: Int!) { reviewTitleProposal(id: $id, approved: true, reason: "Hoàn thành tốt nhiệm vụ cả năm", version: $v) { __typename } }`,
      { id: commendation?.id, v: commendation?.version },
    );
    expect(approve.data?.reviewTitleProposal?.__typename).toBe('ReviewTitleProposalSuccess');
    const byHead = await run('head', decide, { c: cycleId, n: 'x', ids: [proposalId] });
    expect(byHead.data?.decideTitles?.__typename ?? byHead.errors?.[0]?.extensions?.code).toMatch(
      /FORBIDDEN|ForbiddenError/,
    );
    const decided = await run('officer', decide, {
      c: cycleId,
      n: '100/QĐ-UBND',
      ids: [proposalId, commendation?.id],
    });
    expect(decided.data?.decideTitles?.__typename, JSON.stringify(decided)).toBe('DecideTitlesSuccess');
    const awards =
      (decided.data?.decideTitles?.data as { awards?: { id: string; title: string }[] } | undefined)
        ?.awards ?? [];
    expect(awards.map((award) => award.title).sort()).toEqual(['CSTD_TINH', 'GIAY_KHEN']);
    const again = await run('officer', decide, { c: cycleId, n: '100/QĐ-UBND', ids: [proposalId] });
    expect(again.data?.decideTitles?.__typename).toBe('RuleViolationError');

    const revoke = `mutation ($a: ID!) { revokeTitle(awardId: $a, reason: "Phát hiện gian lận hồ sơ sáng kiến", number: "120/QĐ-UBND", decidedOn: "2027-02-01") {
      __typename ... on RevokeTitleSuccess { data { kind number revocations { title revocationReason } } } ... on Error { message } } }`;
    const revoked = await run('officer', revoke, { a: awards[0]?.id });
    expect(revoked.data?.revokeTitle?.data).toMatchObject({ kind: 'REVOCATION', number: '120/QĐ-UBND' });
    const twice = await run('officer', revoke, { a: awards[0]?.id });
    expect(twice.data?.revokeTitle?.__typename).toBe('ConflictError');
    const decisions = await app.db.prisma.titleDecision.count();
    expect(decisions).toBe(2);
  });
  it('proposes a title for several people at once and names each one refused with the engine’s reason', async () => {
    const { people } = app.fixture;
    const bulk = `mutation ($c: ID!, $t: TitleKind!, $ids: [ID!]!, $r: String) {
      proposeTitles(cycleId: $c, title: $t, personIds: $ids, reason: $r) { __typename
        ... on ProposeTitlesSuccess { data { proposedCount proposed { title eligible person { fullName } }
          refused { personId code rule message person { fullName } } } }
        ... on Error { message code } } }`;
    type Outcome = {
      proposedCount: number;
      proposed: { title: string; eligible: boolean; person: { fullName: string } }[];
      refused: { personId: string; code: string; rule: string | null; message: string; person: unknown }[];
    };
    // Bình has her initiative (eligible for CSTĐCS), Em has none, Cường is outside the head's scope
    const ids = [people.binh, people.em, people.cuong].map((id) => gid('Person', id));
    const first = await run('head', bulk, {
      c: cycleId,
      t: 'CSTDCS',
      ids,
      r: 'Đề nghị theo danh sách đủ điều kiện',
    });
    expect(first.data?.proposeTitles?.__typename, JSON.stringify(first)).toBe('ProposeTitlesSuccess');
    const outcome = first.data?.proposeTitles?.data as unknown as Outcome;
    expect(outcome.proposedCount).toBe(1);
    expect(outcome.proposed).toEqual([
      { title: 'CSTDCS', eligible: true, person: { fullName: 'Trần Thị Bình' } },
    ]);
    expect(outcome.refused).toEqual([
      expect.objectContaining({
        personId: gid('Person', people.em),
        code: 'RULE_VIOLATION',
        rule: 'title.cstdcs',
        message: expect.stringMatching(/không có sáng kiến/),
        person: { fullName: 'Nguyễn Văn Em' },
      }),
      // an id outside the scope is refused without saying who it is
      expect.objectContaining({ personId: gid('Person', people.cuong), code: 'NOT_FOUND', person: null }),
    ]);
    // again: Bình is already proposed (each person is checked as proposeTitle checks them)
    const again = await run('head', bulk, { c: cycleId, t: 'CSTDCS', ids: ids.slice(0, 1) });
    expect(again.data?.proposeTitles?.__typename, JSON.stringify(again)).toBe('ProposeTitlesSuccess');
    expect((again.data?.proposeTitles?.data as unknown as Outcome | undefined)?.refused).toEqual([
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/Đã có đề nghị/) }),
    ]);

    // faults of the request refuse the whole action
    const noReason = await run('head', bulk, { c: cycleId, t: 'GIAY_KHEN', ids });
    expect(noReason.data?.proposeTitles?.__typename).toBe('ValidationError');
    const collective = await run('head', bulk, { c: cycleId, t: 'TAP_THE_LDTT', ids, r: 'Tập thể xuất sắc' });
    expect(collective.data?.proposeTitles?.__typename).toBe('ValidationError');
    const tooMany = await run('officer', bulk, {
      c: cycleId,
      t: 'LDTT',
      ids: Array.from({ length: 501 }, () => ids[0]).map((id, index) =>
        index === 0 ? id : gid('Person', `x${index}`),
      ),
    });
    expect(tooMany.data?.proposeTitles?.__typename ?? tooMany.errors?.[0]?.message).toMatch(/quá dài/);
    for (const user of ['staff', 'council']) {
      const denied = await run(user, bulk, { c: cycleId, t: 'LDTT', ids });
      expect(denied.errors?.[0]?.extensions?.code ?? denied.data?.proposeTitles?.code).toBe('FORBIDDEN');
    }
    expect(await app.db.prisma.titleProposal.count({ where: { title: 'CSTDCS' } })).toBe(1);
  });

  it('lists the people the engine finds eligible for a title, searched without diacritics', async () => {
    const candidates = `query ($c: ID!, $t: TitleKind!, $s: String) { titleCandidates(cycleId: $c, title: $t, search: $s, first: 50) {
      edges { node { person { fullName } titleEligibility { title status } viewerCanProposeTitle } } } }`;
    const names = async (title: string, search?: string) => {
      const answer = await run('officer', candidates, { c: cycleId, t: title, s: search });
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      const page = answer.data?.titleCandidates as unknown as
        | { edges: { node: { person: { fullName: string } } }[] }
        | undefined;
      return (page?.edges ?? []).map((edge) => edge.node.person.fullName);
    };
    // the stored results of this cycle carry the engine's answer: Bình eligible for CSTĐCS, Em not
    await app.db.prisma.evaluationResult.updateMany({
      where: { personId: app.fixture.people.binh },
      data: {
        titleEligibility: [
          {
            title: 'CSTDCS',
            status: 'GRANTED',
            needsBallot: false,
            rule: 'title.cstdcs',
            citation: 'x',
            reasons: [],
          },
          {
            title: 'BANG_KHEN',
            status: 'ELIGIBLE',
            needsBallot: false,
            rule: 'title.bang-khen',
            citation: 'x',
            reasons: [],
          },
        ],
      },
    });
    await app.db.prisma.evaluationResult.updateMany({
      where: { personId: app.fixture.people.em },
      data: {
        titleEligibility: [
          {
            title: 'BANG_KHEN',
            status: 'NOT_ELIGIBLE',
            needsBallot: false,
            rule: 'title.bang-khen',
            citation: 'x',
            reasons: ['năm trước chưa hoàn thành xuất sắc nhiệm vụ'],
          },
        ],
      },
    });
    expect(await names('BANG_KHEN')).toEqual(['Trần Thị Bình']);
    expect(await names('BANG_KHEN', 'tran thi binh')).toEqual(['Trần Thị Bình']);
    expect(await names('BANG_KHEN', 'em')).toEqual([]);
    // Bình already has an open CSTĐCS proposal: she is not listed again
    expect(await names('CSTDCS')).toEqual([]);
    // Giấy khen has no criterion in the engine: everyone with a result (Em has a Giấy khen proposal)
    expect(await names('GIAY_KHEN')).toEqual(['Trần Thị Bình']);
    // the page of the web's bulk proposal (200 people with their unit and standing) is within the limits
    const page = await run(
      'head',
      `query ($c: ID!, $t: TitleKind!, $f: Int!) { titleCandidates(cycleId: $c, title: $t, first: $f) {
        pageInfo { hasNextPage } edges { node { id viewerCanProposeTitle
          person { id fullName code unit { id name parent { id name } } } titleEligibility { title status } } } } }`,
      { c: cycleId, t: 'BANG_KHEN', f: 200 },
    );
    expect(page.errors, JSON.stringify(page.errors)).toBeUndefined();
  });

  it('follows the engine for Bằng khen, and accepts Giấy khen as having no mandatory criterion', async () => {
    const { people } = app.fixture;
    const refused = await run('head', propose, {
      cycleId,
      personId: gid('Person', people.em),
      title: 'BANG_KHEN',
      reason: 'Hoàn thành tốt nhiệm vụ được giao trong năm',
    });
    // Em was not excellent the year before: the engine refuses Bằng khen as it refuses CSTĐCS
    expect(refused.data?.proposeTitle, JSON.stringify(refused)).toMatchObject({
      __typename: 'RuleViolationError',
      rule: 'title.bang-khen',
    });
    expect(refused.data?.proposeTitle?.message).toMatch(/năm trước chưa hoàn thành xuất sắc/);
    const listed = await run(
      'officer',
      `query ($c: ID!) { titleProposals(cycleId: $c, title: GIAY_KHEN) { eligible hasCriteria eligibility { rule } } }`,
      { c: cycleId },
    );
    expect(listed.data?.titleProposals).toEqual([{ eligible: false, hasCriteria: false, eligibility: [] }]);
    const cstd = await run(
      'officer',
      `query ($c: ID!) { titleProposals(cycleId: $c, title: CSTD_TINH) { hasCriteria } }`,
      { c: cycleId },
    );
    expect(cstd.data?.titleProposals).toEqual([{ hasCriteria: true }]);
  });

  it('proposes a unit for a collective title when the engine found it, in the proposer’s scope', async () => {
    const { prisma } = app.db;
    const { units } = app.fixture;
    const cycle = await prisma.cycle.findFirstOrThrow({ where: { year: 2026 } });
    const unitResult = (unitId: string, collectiveTitles: string[], blockRank: number | null) =>
      prisma.unitResult.create({
        data: {
          cycleId: cycle.id,
          unitId,
          excellentEligible: 1,
          excellentAllowed: 1,
          excellentGranted: 1,
          collectiveTitles,
          blockRank,
          trace: [
            {
              rule: 'unit.collective',
              citation: 'Luật TĐKT 2022',
              effect: 'NONE',
              detail: 'chưa đủ 50% LĐTT',
            },
          ],
        },
      });
    await unitResult(units.dept1, ['TAP_THE_LDTT'], 1);
    await unitResult(units.dept1a, [], 2);
    const unit = (unitId: string, title: string, user = 'head') =>
      run(user, propose, { cycleId, unitId: gid('Unit', unitId), title });
    const ok = await unit(units.dept1, 'TAP_THE_LDTT');
    expect(ok.data?.proposeTitle?.__typename, JSON.stringify(ok)).toBe('ProposeTitleSuccess');
    expect(ok.data?.proposeTitle?.data).toMatchObject({ eligible: true });
    const flag = await unit(units.dept1, 'CO_THI_DUA');
    expect(flag.data?.proposeTitle?.__typename).toBe('ProposeTitleSuccess');
    const excellent = await unit(units.dept1, 'TAP_THE_LDXS');
    expect(excellent.data?.proposeTitle?.__typename).toBe('RuleViolationError');
    const notFound = await unit(units.dept1a, 'TAP_THE_LDTT');
    expect(notFound.data?.proposeTitle).toMatchObject({ __typename: 'RuleViolationError' });
    expect(notFound.data?.proposeTitle?.message).toMatch(/chưa đủ 50% LĐTT/);
    const outside = await unit(units.dept2, 'TAP_THE_LDTT');
    expect(outside.data?.proposeTitle?.__typename).toBe('NotFoundError');
    const person = await run('head', propose, {
      cycleId,
      personId: gid('Person', app.fixture.people.em),
      title: 'TAP_THE_LDTT',
    });
    expect(person.data?.proposeTitle?.__typename).toBe('ValidationError');
    // no unit result yet (Sở B, for the officer): the engine has not assessed it
    const unassessed = await unit(units.dept2, 'TAP_THE_LDTT', 'officer');
    expect(unassessed.data?.proposeTitle).toMatchObject({ rule: 'title.evaluation-required' });
  });
});
