// Steps of the demo cycle the browser journeys take through the API as the personnel officer.
import { callGraphql } from './browser.ts';

export type Cycle = { id: string; name: string; status: string; version: number };
type MoveResult = { __typename: string; message?: string };

export async function currentCycle(baseUrl: string): Promise<Cycle> {
  const data = await callGraphql<{ cycles: Cycle[] }>(
    baseUrl,
    'officer',
    '{ cycles { id name status version } }',
  );
  const cycle = data.cycles[0];
  if (!cycle) throw new Error('the demo province has no cycle');
  return cycle;
}

/** Asks to move the cycle on and answers what the API said (a refusal is not thrown). */
export async function tryMoveCycle(baseUrl: string, to: string): Promise<MoveResult> {
  const cycle = await currentCycle(baseUrl);
  const data = await callGraphql<{ moveCycle: MoveResult }>(
    baseUrl,
    'officer',
    `mutation($id: ID!, $to: CycleStatus!, $version: Int!) {
      moveCycle(id: $id, to: $to, version: $version) { __typename ... on Error { message } } }`,
    { id: cycle.id, to, version: cycle.version },
  );
  return data.moveCycle;
}

/** The office reviews every flag still pending. */
export async function reviewPendingFlags(baseUrl: string, cycleId: string): Promise<void> {
  for (;;) {
    const page = await callGraphql<{ flags: { edges: { node: { id: string; version: number } }[] } }>(
      baseUrl,
      'officer',
      'query ($c: ID!) { flags(cycleId: $c, review: PENDING, first: 100) { edges { node { id version } } } }',
      { c: cycleId },
    );
    if (page.flags.edges.length === 0) return;
    for (const { node } of page.flags.edges) {
      await callGraphql(
        baseUrl,
        'officer',
        'mutation ($id: ID!, $v: Int!) { reviewFlag(id: $id, review: ACCEPTED, reason: "Đã xem xét hồ sơ", version: $v) { __typename } }',
        { id: node.id, v: node.version },
      );
    }
  }
}

/** The office decides every proposal still open (a journey's ballot that did not pass): not approved. */
export async function decidePendingProposals(baseUrl: string, cycleId: string): Promise<void> {
  for (const status of ['PROPOSED', 'IN_BALLOT']) {
    const data = await callGraphql<{ titleProposals: { id: string; version: number }[] }>(
      baseUrl,
      'officer',
      'query ($c: ID!, $s: ProposalStatus) { titleProposals(cycleId: $c, status: $s) { id version } }',
      { c: cycleId, s: status },
    );
    for (const proposal of data.titleProposals) {
      await callGraphql(
        baseUrl,
        'officer',
        'mutation ($id: ID!, $v: Int!) { reviewTitleProposal(id: $id, approved: false, reason: "Hội đồng chưa thông qua", version: $v) { __typename } }',
        { id: proposal.id, v: proposal.version },
      );
    }
  }
}

/** Moves the cycle on as the office would: before approval it settles what the checklist blocks on. */
export async function moveCycleTo(baseUrl: string, to: string): Promise<void> {
  if (to === 'APPROVED') {
    const cycle = await currentCycle(baseUrl);
    await reviewPendingFlags(baseUrl, cycle.id);
    await decidePendingProposals(baseUrl, cycle.id);
  }
  const moved = await tryMoveCycle(baseUrl, to);
  if (moved.__typename !== 'MoveCycleSuccess') throw new Error(`${to}: ${moved.message}`);
}
