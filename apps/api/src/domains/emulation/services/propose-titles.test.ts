// Bulk title proposals on the demo province (600 people): the people the engine lists as eligible
// for a title are proposed in one call, and in a mix with people it finds not eligible the outcome
// names each refused person with the engine's own reason — the live engine agrees with the stored
// results the list is read from.
import { demoCycleYear } from '@cadre/db';
import { testEngines } from '@cadre/db/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type DemoApp } from '../../../security/demo-app.ts';

type Eligibility = { title: string; status: string; reasons: string[] };
type Outcome = {
  proposedCount: number;
  proposed: { person: { id: string } }[];
  refused: { personId: string; code: string; rule: string | null; message: string }[];
};

const bulk = `mutation ($c: ID!, $t: TitleKind!, $ids: [ID!]!, $r: String) {
  proposeTitles(cycleId: $c, title: $t, personIds: $ids, reason: $r) { __typename
    ... on ProposeTitlesSuccess { data { proposedCount proposed { person { id } } refused { personId code rule message } } }
    ... on Error { code message } } }`;

describe.each(testEngines())('bulk title proposals on the demo province on %s', (engine) => {
  let app: DemoApp;
  let cycleId: string;

  beforeAll(async () => {
    app = await createDemoApp(engine);
    const cycle = await app.db.prisma.cycle.findFirstOrThrow({ where: { year: demoCycleYear } });
    cycleId = encodeGlobalID('Cycle', cycle.id);
    const run = await app.graphql<{ runEvaluation: { __typename: string } }>(
      'mutation ($c: ID!) { runEvaluation(cycleId: $c, wait: true) { __typename ... on Error { code message } } }',
      { c: cycleId },
      { token: await app.login('officer') },
    );
    expect(run.data?.runEvaluation.__typename, run.text).toBe('RunEvaluationSuccess');
  }, 240_000);
  afterAll(() => app.close());

  async function propose(title: string, ids: string[], reason?: string): Promise<Outcome> {
    const answer = await app.graphql<{ proposeTitles: { __typename: string; data?: Outcome } }>(
      bulk,
      { c: cycleId, t: title, ids, r: reason },
      { token: await app.login('officer') },
    );
    expect(answer.data?.proposeTitles.__typename, answer.text).toBe('ProposeTitlesSuccess');
    return answer.data?.proposeTitles.data as Outcome;
  }

  it('proposes the eligible and names each one the engine refuses, with its reason', async () => {
    const results = await app.graphql<{
      results: { edges: { node: { person: { id: string }; titleEligibility: Eligibility[] } }[] };
    }>(
      `query ($c: ID!) { results(cycleId: $c, first: 500) { edges { node { person { id } titleEligibility { title status reasons } } } } }`,
      { c: cycleId },
      { token: await app.login('officer') },
    );
    const nodes = results.data?.results.edges.map((edge) => edge.node) ?? [];
    const standing = (title: string, status: string) =>
      nodes.filter((node) =>
        node.titleEligibility.some((entry) => entry.title === title && entry.status === status),
      );
    const eligible = standing('CSTDCS', 'GRANTED').slice(0, 5);
    const refused = standing('CSTDCS', 'NOT_ELIGIBLE').slice(0, 5);
    expect(eligible.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);

    const outcome = await propose(
      'CSTDCS',
      [...eligible, ...refused].map((node) => node.person.id),
      'Đề nghị theo danh sách đủ điều kiện',
    );
    expect(outcome.proposed.map((entry) => entry.person.id).sort()).toEqual(
      eligible.map((node) => node.person.id).sort(),
    );
    expect(outcome.refused.map((entry) => entry.personId)).toEqual(refused.map((node) => node.person.id));
    for (const [index, entry] of outcome.refused.entries()) {
      const reasons = refused[index]?.titleEligibility.find((item) => item.title === 'CSTDCS')?.reasons ?? [];
      expect(entry).toMatchObject({ code: 'RULE_VIOLATION', rule: 'title.cstdcs' });
      // the engine's reasons, in its words
      expect(entry.message).toContain(reasons.join('; '));
    }
  }, 120_000);

  it('proposes a hundred people from the eligible list in one call', async () => {
    const page = await app.graphql<{ titleCandidates: { edges: { node: { person: { id: string } } }[] } }>(
      `query ($c: ID!) { titleCandidates(cycleId: $c, title: LDTT, first: 100) { edges { node { person { id } } } } }`,
      { c: cycleId },
      { token: await app.login('officer') },
    );
    const ids = page.data?.titleCandidates.edges.map((edge) => edge.node.person.id) ?? [];
    expect(ids.length).toBe(100);
    const started = performance.now();
    const outcome = await propose('LDTT', ids);
    const seconds = (performance.now() - started) / 1000;
    console.info(`[bulk proposals] 100 LĐTT proposals on ${engine}: ${seconds.toFixed(1)} s`);
    expect(outcome.refused).toEqual([]);
    expect(outcome.proposedCount).toBe(100);
    // proposed now: no longer listed
    const after = await app.graphql<{ titleCandidates: { edges: { node: { person: { id: string } } }[] } }>(
      `query ($c: ID!) { titleCandidates(cycleId: $c, title: LDTT, first: 500) { edges { node { person { id } } } } }`,
      { c: cycleId },
      { token: await app.login('officer') },
    );
    const listed = new Set(after.data?.titleCandidates.edges.map((edge) => edge.node.person.id));
    expect(ids.filter((id) => listed.has(id))).toEqual([]);
  }, 120_000);
});
