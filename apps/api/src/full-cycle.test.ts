// One year of the demo province taken from evidence to published, exported decisions by API calls
// alone, as an agency would: GraphQL for the workflow, the HTTP file routes for imports and
// exports. Each step asserts what the person doing it would see.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testEngines } from '@cadre/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type DemoApp } from './security/demo-app.ts';
import { createServer } from './server.ts';
import { readPdfText, skipWithoutPdfToText } from './test-support/pdf-text.ts';

type Trace = { rule: string; citation: string; effect: string; detail: string };
type Result = {
  id: string;
  version: number;
  score: number | null;
  proposedRating: string;
  engineRating: string;
  finalRating: string;
  finalReason: string | null;
  titles: string[];
  trace: Trace[];
  person: { id: string; code: string; fullName: string };
  unit: { id: string; name: string };
};
type Outcome = {
  __typename: string;
  message?: string;
  code?: string;
  data?: Record<string, unknown>;
} & Record<string, unknown>;

/** The data of a mutation's success, or a failure that says what came back instead. */
function dataOf<T>(outcome: Outcome | undefined): T {
  if (!outcome?.data) throw new Error(`no data: ${JSON.stringify(outcome)}`);
  return outcome.data as T;
}

const resultFields = `id version score proposedRating engineRating finalRating finalReason titles
  trace { rule citation effect detail } person { id code fullName } unit { id name }`;

describe.each(testEngines())('a full cycle on the demo province through the API, on %s', (engine) => {
  let app: DemoApp;
  let server: Server;
  let base: string;
  let cycle: { id: string; version: number; year: number };
  let printed: { form: Buffer; decisions: Buffer; fullName: string } | undefined;

  /** A GraphQL call as a demo account; transport or resolver errors fail the step at once. */
  async function call<T = Record<string, Outcome>>(
    account: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await app.graphql<T>(query, variables, { token: await app.login(account) });
    if (result.errors?.length || !result.data) throw new Error(`${account}: ${result.text.slice(0, 500)}`);
    return result.data;
  }

  async function moveCycle(to: string, reason?: string): Promise<void> {
    const data = await call(
      'officer',
      `mutation ($id: ID!, $to: CycleStatus!, $v: Int!, $r: String) { moveCycle(id: $id, to: $to, version: $v, reason: $r) {
        __typename ... on MoveCycleSuccess { data { status version readOnly } } ... on Error { message } } }`,
      { id: cycle.id, to, v: cycle.version, r: reason ?? null },
    );
    expect(data.moveCycle?.__typename, JSON.stringify(data)).toBe('MoveCycleSuccess');
    const moved = data.moveCycle?.data as { status: string; version: number };
    expect(moved.status).toBe(to);
    cycle.version = moved.version;
  }

  /** Every result the account may see, read page by page as a client would. */
  async function results(
    account: string,
    filter: Record<string, unknown> = {},
  ): Promise<{ total: number; rows: Result[] }> {
    const rows: Result[] = [];
    let after: string | null = null;
    for (;;) {
      const data: {
        results: {
          totalCount: number;
          edges: { node: Result }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await call(
        account,
        `query ($c: ID!, $f: ResultsFilter, $after: String) { results(cycleId: $c, first: 500, after: $after, filter: $f) {
          totalCount edges { node { ${resultFields} } } pageInfo { hasNextPage endCursor } } }`,
        { c: cycle.id, f: filter, after },
      );
      rows.push(...data.results.edges.map((edge) => edge.node));
      if (!data.results.pageInfo.hasNextPage) return { total: data.results.totalCount, rows };
      after = data.results.pageInfo.endCursor;
    }
  }

  async function upload(kind: string, fileName: string, content: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    const response = await fetch(
      `${base}/api/import?${new URLSearchParams({ kind, cycleId: cycle.id, wait: '1' })}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${await app.login('officer')}` },
        body: form,
      },
    );
    return {
      status: response.status,
      body: (await response.json()) as {
        status: string;
        totalRows: number;
        errors: { row: number; field: string; message: string }[];
      },
    };
  }

  async function download(account: string, path: string, query: Record<string, string>) {
    const response = await fetch(`${base}${path}?${new URLSearchParams({ cycleId: cycle.id, ...query })}`, {
      headers: { authorization: `Bearer ${await app.login(account)}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  async function evidenceCounts() {
    const { prisma } = app.db;
    return { tasks: await prisma.task.count(), infractions: await prisma.infraction.count() };
  }

  beforeAll(async () => {
    app = await createDemoApp(engine);
    server = createHttpServer(createServer({ services: app.services, demo: null, yoga: app.yoga }).handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await app?.close();
  });

  it('1. the officer finds the open cycle of the year', async () => {
    const data = await call<{ cycles: { id: string; version: number; year: number; status: string }[] }>(
      'officer',
      '{ cycles { id version year status } }',
    );
    const open = data.cycles.find((row) => row.status === 'OPEN');
    if (!open) throw new Error(`no open cycle among ${JSON.stringify(data.cycles)}`);
    cycle = { id: open.id, version: open.version, year: open.year };
  });

  it('2. imports evidence: a file with mistakes is refused whole with a report per row, then good CSV and .xlsx files are applied', async () => {
    const people = await call<{ people: { edges: { node: { code: string } }[] } }>(
      'officer',
      '{ people(first: 2) { edges { node { code } } } }',
    );
    const [first, second] = people.people.edges.map((edge) => edge.node.code);
    const before = await evidenceCounts();

    const bad = [
      'Mã nhiệm vụ,Mã cán bộ,Tên nhiệm vụ,Trọng số,Hạn hoàn thành,Ngày hoàn thành',
      `FC-1,${first},Báo cáo chuyên đề,1,31/02/${cycle.year},`,
      `FC-2,KHONG-CO-AI,Tổng hợp số liệu,1,30/06/${cycle.year},`,
      `FC-3,${second},Rà soát thủ tục,1,30/09/${cycle.year},25/09/${cycle.year}`,
      `FC-3,${second},Rà soát thủ tục (lặp),1,30/09/${cycle.year},`,
    ].join('\n');
    const refused = await upload('TASKS', 'nhiem-vu-loi.csv', Buffer.from(bad, 'utf8'));
    expect(refused.status).toBe(422);
    expect(refused.body.status).toBe('FAILED');
    expect(refused.body.errors.map((error) => error.row).sort()).toEqual([2, 3, 5]);
    expect(refused.body.errors.every((error) => error.field !== '' && error.message !== '')).toBe(true);
    expect(await evidenceCounts()).toEqual(before);

    const good = [
      'Mã nhiệm vụ,Mã cán bộ,Tên nhiệm vụ,Trọng số,Hạn hoàn thành,Ngày hoàn thành',
      `FC-1,${first},Báo cáo chuyên đề,1,31/03/${cycle.year},30/03/${cycle.year}`,
      `FC-2,${second},Rà soát thủ tục,2,30/09/${cycle.year},25/09/${cycle.year}`,
    ].join('\n');
    const applied = await upload('TASKS', 'nhiem-vu.csv', Buffer.from(good, 'utf8'));
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ status: 'APPLIED', totalRows: 2 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Vi phạm');
    sheet.addRow(['personCode', 'kind', 'occurredOn', 'note']);
    sheet.addRow([second, 'Đi muộn', new Date(Date.UTC(cycle.year, 4, 12)), 'lần 1']);
    const xlsx = await upload('INFRACTIONS', 'vi-pham.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(xlsx.status, JSON.stringify(xlsx.body)).toBe(200);
    expect(await evidenceCounts()).toEqual({ tasks: before.tasks + 2, infractions: before.infractions + 1 });
  });

  it('3. a staff member files their self-assessment while the cycle is open', async () => {
    const data = await call(
      'staff',
      `mutation ($c: ID!) { submitSelfAssessment(cycleId: $c, input: {
          achievements: "Hoàn thành đúng hạn 100% hồ sơ được giao", shortcomings: "Còn chậm cập nhật phần mềm",
          proposedRating: GOOD, submit: true }) {
        __typename ... on SubmitSelfAssessmentSuccess { data { proposedRating submittedAt } } ... on Error { message } } }`,
      { c: cycle.id },
    );
    expect(data.submitSelfAssessment?.__typename, JSON.stringify(data)).toBe('SubmitSelfAssessmentSuccess');
    expect(dataOf<{ submittedAt: string | null }>(data.submitSelfAssessment).submittedAt).not.toBeNull();
  });

  it('4. the officer runs the evaluation and follows its progress to the end', async () => {
    const started = await call(
      'officer',
      `mutation ($c: ID!) { runEvaluation(cycleId: $c) { __typename
        ... on RunEvaluationSuccess { data { id status total } } ... on Error { message } } }`,
      { c: cycle.id },
    );
    expect(started.runEvaluation?.__typename, JSON.stringify(started)).toBe('RunEvaluationSuccess');
    const runId = dataOf<{ id: string }>(started.runEvaluation).id;
    let run = { status: 'RUNNING', processed: 0, total: 0, message: null as string | null };
    for (let polls = 0; run.status === 'RUNNING' && polls < 600; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const data = await call<{ evaluationRun: typeof run }>(
        'officer',
        'query ($id: ID!) { evaluationRun(id: $id) { status processed total message } }',
        { id: runId },
      );
      run = data.evaluationRun;
    }
    expect(run.status, run.message ?? '').toBe('SUCCEEDED');
    expect(run.processed).toBe(run.total);
    const all = await results('officer');
    expect(all.total).toBe(run.total);
    expect(all.rows).toHaveLength(all.total);
    expect(all.total).toBeGreaterThan(500);
    // every result explains itself with the law
    for (const row of all.rows) {
      expect(row.trace.length).toBeGreaterThan(0);
      expect(row.trace.every((entry) => entry.citation !== '' && entry.detail !== '')).toBe(true);
    }
  });

  it('5. the unit head reviews their people: one adjustment with a reason, one refused by the quota', async () => {
    await moveCycle('ASSESSMENT');
    const officerView = await results('officer');
    const mine = await results('head');
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(officerView.total);

    const good = mine.rows.find(
      (row) => row.proposedRating === 'GOOD' && row.engineRating === 'GOOD' && row.finalRating === 'GOOD',
    );
    if (!good) throw new Error('no GOOD result in the head’s scope');
    const adjust = `mutation ($id: ID!, $r: Rating!, $reason: String, $v: Int!) {
      adjustRating(resultId: $id, rating: $r, reason: $reason, version: $v) { __typename
        ... on AdjustRatingSuccess { data { finalRating finalReason version decisions { kind fromRating toRating } } }
        ... on QuotaExceededError { allowed granted } ... on Error { message code } } }`;
    const withoutReason = await call('head', adjust, { id: good.id, r: 'COMPLETED', v: good.version });
    expect(withoutReason.adjustRating?.__typename).toBe('ValidationError');
    const adjusted = await call('head', adjust, {
      id: good.id,
      r: 'COMPLETED',
      reason: 'Chậm tiến độ hai nhiệm vụ trọng tâm của quý IV',
      v: good.version,
    });
    expect(adjusted.adjustRating?.__typename, JSON.stringify(adjusted)).toBe('AdjustRatingSuccess');
    expect(adjusted.adjustRating?.data).toMatchObject({
      finalRating: 'COMPLETED',
      finalReason: 'Chậm tiến độ hai nhiệm vụ trọng tâm của quý IV',
    });
    // the same version again: someone else's change is never overwritten silently
    const stale = await call('head', adjust, { id: good.id, r: 'GOOD', reason: 'x', v: good.version });
    expect(stale.adjustRating?.__typename).toBe('ConflictError');

    const heldBack = mine.rows.find(
      (row) => row.proposedRating === 'EXCELLENT' && row.engineRating === 'GOOD',
    );
    if (!heldBack) throw new Error('no result held back by the quota in the head’s scope');
    const refused = await call('head', adjust, {
      id: heldBack.id,
      r: 'EXCELLENT',
      reason: 'Đề nghị xuất sắc',
      v: heldBack.version,
    });
    expect(refused.adjustRating?.__typename, JSON.stringify(refused)).toBe('QuotaExceededError');
    expect(Number(refused.adjustRating?.granted)).toBeGreaterThanOrEqual(
      Number(refused.adjustRating?.allowed),
    );
  });

  let ldttProposalId = '';
  let provincialProposalId = '';

  it('6. titles are proposed: Lao động tiên tiến by the head, Chiến sĩ thi đua cấp tỉnh by the officer', async () => {
    const propose = `mutation ($c: ID!, $p: ID, $t: TitleKind!, $r: String) {
      proposeTitle(cycleId: $c, personId: $p, title: $t, reason: $r) { __typename
        ... on ProposeTitleSuccess { data { id eligible status } } ... on Error { message code } } }`;
    const mine = await results('head');
    const worker = mine.rows.find((row) => row.titles.includes('LDTT') && row.finalRating !== 'COMPLETED');
    if (!worker) throw new Error('no LĐTT-eligible person in the head’s scope');
    const ldtt = await call('head', propose, {
      c: cycle.id,
      p: worker.person.id,
      t: 'LDTT',
      r: 'Hoàn thành tốt nhiệm vụ, không vi phạm',
    });
    expect(ldtt.proposeTitle?.__typename, JSON.stringify(ldtt)).toBe('ProposeTitleSuccess');
    ldttProposalId = dataOf<{ id: string }>(ldtt.proposeTitle).id;

    // a candidate the engine found lacking only the council's ballot
    const candidates = (await results('officer')).rows.filter((row) =>
      row.trace.some((entry) => entry.rule === 'title.cstd-tinh'),
    );
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) {
      const proposed = await call('officer', propose, {
        c: cycle.id,
        p: candidate.person.id,
        t: 'CSTD_TINH',
        r: 'Ba năm liên tục Chiến sĩ thi đua cơ sở, sáng kiến cấp tỉnh',
      });
      if (proposed.proposeTitle?.__typename === 'ProposeTitleSuccess') {
        provincialProposalId = (proposed.proposeTitle.data as { id: string }).id;
        break;
      }
    }
    expect(provincialProposalId).not.toBe('');
  });

  it('7. the council votes by secret ballot: no counts before closing, one vote each, recusal respected', async () => {
    // the members' accounts are for administrators only (others read a member's display name)
    const councils = await call<{ councils: { id: string; members: { user: { username: string } }[] }[] }>(
      'admin',
      '{ councils { id members { user { username } } } }',
    );
    const council = councils.councils[0];
    if (!council) throw new Error('no council in the demo province');
    const session = await call(
      'officer',
      `mutation ($c: ID!, $y: ID!) { createCouncilSession(councilId: $c, cycleId: $y, number: "01/BB-HĐTĐKT", heldOn: "${cycle.year}-12-10", quorum: 4) {
        __typename ... on CreateCouncilSessionSuccess { data { id } } ... on Error { message } } }`,
      { c: council.id, y: cycle.id },
    );
    expect(session.createCouncilSession?.__typename, JSON.stringify(session)).toBe(
      'CreateCouncilSessionSuccess',
    );
    const opened = await call(
      'officer',
      `mutation ($s: ID!, $p: ID!) { openBallot(sessionId: $s, proposalId: $p) { __typename
        ... on OpenBallotSuccess { data { id members thresholdPercent recusals { reason } } } ... on Error { message } } }`,
      { s: dataOf<{ id: string }>(session.createCouncilSession).id, p: provincialProposalId },
    );
    expect(opened.openBallot?.__typename, JSON.stringify(opened)).toBe('OpenBallotSuccess');
    const ballot = opened.openBallot?.data as { id: string; members: number };

    const vote = `mutation ($b: ID!) { castVote(ballotId: $b, choice: FOR) { __typename ... on Error { code } } }`;
    let votes = 0;
    for (const member of council.members.map((row) => row.user.username)) {
      const cast = await call(member, vote, { b: ballot.id });
      // a recused member (the nominee's head, or the nominee) is refused
      if (cast.castVote?.__typename === 'CastVoteSuccess') votes++;
      else expect(cast.castVote?.__typename).toBe('ForbiddenError');
    }
    expect(votes).toBeGreaterThan(0);
    const twice = await call(council.members[0]?.user.username ?? 'council', vote, { b: ballot.id });
    expect(['ConflictError', 'ForbiddenError']).toContain(twice.castVote?.__typename);
    const before = await call<{ node: { status: string; forCount: number | null; result: string | null } }>(
      'council',
      'query ($id: ID!) { node(id: $id) { ... on Ballot { status forCount result } } }',
      { id: ballot.id },
    );
    expect(before.node).toEqual({ status: 'OPEN', forCount: null, result: null });

    const closed = await call(
      'officer',
      `mutation ($b: ID!) { closeBallot(ballotId: $b, version: 1) { __typename
        ... on CloseBallotSuccess { data { status forCount result } } ... on Error { message } } }`,
      { b: ballot.id },
    );
    expect(closed.closeBallot?.data, JSON.stringify(closed)).toEqual({
      status: 'CLOSED',
      forCount: votes,
      result: 'PASSED',
    });
  });

  it('8. the officer reviews, approves the cycle, records the title decision and publishes', async () => {
    await moveCycle('REVIEW');
    const proposals = await call<{ titleProposals: { id: string; version: number; status: string }[] }>(
      'officer',
      'query ($c: ID!) { titleProposals(cycleId: $c) { id version status } }',
      { c: cycle.id },
    );
    const ldtt = proposals.titleProposals.find((proposal) => proposal.id === ldttProposalId);
    const approved = await call(
      'officer',
      'mutation ($id: ID!, $v: Int!) { reviewTitleProposal(id: $id, approved: true, reason: "Đủ tiêu chuẩn Lao động tiên tiến", version: $v) { __typename ... on Error { message } } }',
      { id: ldttProposalId, v: ldtt?.version ?? 0 },
    );
    expect(approved.reviewTitleProposal?.__typename, JSON.stringify(approved)).toBe(
      'ReviewTitleProposalSuccess',
    );
    const decided = await call(
      'officer',
      `mutation ($c: ID!, $ids: [ID!]!) { decideTitles(cycleId: $c, number: "250/QĐ-UBND", decidedOn: "${cycle.year}-12-20",
          signedBy: "Chủ tịch UBND tỉnh", proposalIds: $ids) { __typename
        ... on DecideTitlesSuccess { data { number awards { title } } } ... on Error { message code } } }`,
      { c: cycle.id, ids: [ldttProposalId, provincialProposalId] },
    );
    expect(decided.decideTitles?.__typename, JSON.stringify(decided)).toBe('DecideTitlesSuccess');
    const awards = dataOf<{ awards: { title: string }[] }>(decided.decideTitles).awards;
    expect(awards.map((award) => award.title).sort()).toEqual(['CSTD_TINH', 'LDTT']);

    // approval is refused while flags wait for the personnel office, which then reviews them all
    const blocked = await call(
      'officer',
      `mutation ($id: ID!, $v: Int!) { moveCycle(id: $id, to: APPROVED, version: $v) {
        __typename ... on WorkflowBlockedError { message items { kind count } } } }`,
      { id: cycle.id, v: cycle.version },
    );
    if (blocked.moveCycle?.__typename === 'WorkflowBlockedError') {
      const items = blocked.moveCycle.items as { kind: string; count: number }[];
      expect(items.map((item) => item.kind)).toEqual(['UNREVIEWED_FLAGS']);
      for (;;) {
        const page = await call<{ flags: { edges: { node: { id: string; version: number } }[] } }>(
          'officer',
          'query ($c: ID!) { flags(cycleId: $c, review: PENDING, first: 100) { edges { node { id version } } } }',
          { c: cycle.id },
        );
        if (page.flags.edges.length === 0) break;
        for (const { node } of page.flags.edges) {
          const reviewed = await call(
            'officer',
            'mutation ($id: ID!, $v: Int!) { reviewFlag(id: $id, review: ACCEPTED, reason: "Đã xem xét hồ sơ", version: $v) { __typename } }',
            { id: node.id, v: node.version },
          );
          expect(reviewed.reviewFlag?.__typename).toBe('ReviewFlagSuccess');
        }
      }
    }
    await moveCycle('APPROVED');
    await moveCycle('PUBLISHED');
  });

  it('9. after publishing, results are read-only and a correction is a new numbered decision', async () => {
    const adjusted = (await results('officer')).rows.find((row) => row.finalReason !== null);
    if (!adjusted) throw new Error('the adjusted result is gone');
    const blocked = await call(
      'officer',
      `mutation ($id: ID!, $v: Int!) { adjustRating(resultId: $id, rating: GOOD, reason: "Sửa sau công bố", version: $v) {
        __typename ... on Error { message } } }`,
      { id: adjusted.id, v: adjusted.version },
    );
    expect(blocked.adjustRating?.__typename).not.toBe('AdjustRatingSuccess');
    const corrected = await call(
      'officer',
      `mutation ($id: ID!, $v: Int!) { correctRating(resultId: $id, rating: GOOD, reason: "Hội đồng xem xét lại theo kiến nghị",
          number: "12/QĐ-SNV", version: $v) { __typename
        ... on CorrectRatingSuccess { data { finalRating decisions { kind number fromRating toRating } } } ... on Error { message } } }`,
      { id: adjusted.id, v: adjusted.version },
    );
    expect(corrected.correctRating?.__typename, JSON.stringify(corrected)).toBe('CorrectRatingSuccess');
    const data = corrected.correctRating?.data as {
      finalRating: string;
      decisions: { kind: string; number: string | null; fromRating: string; toRating: string }[];
    };
    expect(data.finalRating).toBe('GOOD');
    // the head's adjustment stays on record; the correction is added after it
    expect(data.decisions.length).toBeGreaterThanOrEqual(2);
    expect(data.decisions.some((decision) => decision.number === '12/QĐ-SNV')).toBe(true);
  });

  it('10. the staff member reads their own published result with its reasons, and nobody else’s', async () => {
    const own = await call<{ myResult: Result | null }>(
      'staff',
      `query ($c: ID!) { myResult(cycleId: $c) { ${resultFields} } }`,
      { c: cycle.id },
    );
    expect(own.myResult).not.toBeNull();
    expect(own.myResult?.trace.length).toBeGreaterThan(0);
    const visible = await results('staff');
    expect(visible.rows.map((row) => row.id)).toEqual([own.myResult?.id]);
  });

  it('11. exports: the results workbook and the printable forms, in Vietnamese', async () => {
    const workbook = await download('officer', '/api/export/results.xlsx', {});
    expect(workbook.status).toBe(200);
    expect(workbook.type).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(workbook.bytes).buffer);
    const text: string[] = [];
    book.worksheets[0]?.eachRow((row) => text.push((row.values as unknown[]).join('|')));
    const { rows } = await results('officer');
    expect(text.length).toBeGreaterThanOrEqual(rows.length);
    const someone = rows[0];
    if (!someone) throw new Error('the officer sees no result row to export');
    expect(someone.person.fullName).not.toBe('');
    expect(text.some((line) => line.includes(someone.person.fullName))).toBe(true);

    const decisions = await call<{ titleDecisions: { id: string }[] }>(
      'officer',
      'query ($c: ID!) { titleDecisions(cycleId: $c) { id } }',
      { c: cycle.id },
    );
    const decision = decisions.titleDecisions[0];
    if (!decision) throw new Error('no title decision to print');
    const [unitList, form, decisionList] = [
      await download('officer', '/api/export/unit-ratings.pdf', { unitId: someone.unit.id }),
      await download('officer', '/api/export/rating-form.pdf', { personId: someone.person.id }),
      await download('officer', '/api/export/title-decisions.pdf', { decisionId: decision.id }),
    ];
    for (const pdf of [unitList, form, decisionList]) {
      expect(pdf.status).toBe(200);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
    printed = { form: form.bytes, decisions: decisionList.bytes, fullName: someone.person.fullName };
    // staff may print their own form, not a colleague's
    const foreign = await download('staff', '/api/export/rating-form.pdf', { personId: someone.person.id });
    expect([403, 404]).toContain(foreign.status);
  });

  it('11b. the printed form names the person and the decision list its number (read back by pdftotext)', (context) => {
    skipWithoutPdfToText(context);
    if (!printed) throw new Error('step 11 printed nothing');
    expect(readPdfText(printed.form)).toContain(printed.fullName);
    expect(readPdfText(printed.decisions)).toContain('250/QĐ-UBND');
  });

  it('12. every decision is in the audit log, and the hash chain is intact', async () => {
    const log = await call<{ auditLog: { totalCount: number; edges: { node: { action: string } }[] } }>(
      'officer',
      '{ auditLog(first: 500) { totalCount edges { node { action } } } }',
    );
    const actions = new Set(log.auditLog.edges.map((edge) => edge.node.action));
    for (const action of [
      'importEvidence',
      'runEvaluation',
      'adjustRating',
      'proposeTitle',
      'closeBallot',
      'decideTitles',
      'moveCycle',
      'correctRating',
    ]) {
      expect(actions, action).toContain(action);
    }
    const chain = await call<{ auditChain: { valid: boolean; checked: number } }>(
      'admin',
      '{ auditChain { valid checked } }',
    );
    expect(chain.auditChain.valid).toBe(true);
    // the administrator's own sign-in, made for this check, is one more entry
    expect(chain.auditChain.checked).toBeGreaterThanOrEqual(log.auditLog.totalCount);
  });
});
