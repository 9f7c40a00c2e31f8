// Evidence and people's decisions in, decisions and traces out: the whole evaluation of one
// scenario, deterministic and pure.
import { RULES } from './citations.ts';
import { applyDecisions, type DecisionWork } from './decide.ts';
import { raiseFlags } from './flags.ts';
import { prepare } from './prepare.ts';
import { applyExcellentQuota, type QuotaOutcome } from './quota.ts';
import { ratePeople } from './rate-person.ts';
import { grantTitles, personRewards, rewardOf, type TitleWork } from './titles.ts';
import { TraceStep } from './trace.ts';
import type {
  Evaluation,
  PersonResult,
  QuotaGroupResult,
  Reward,
  Scenario,
  TraceLine,
  UnitResult,
} from './types.ts';
import { blockRanks, collectiveTitles } from './units.ts';

type Work = TitleWork & DecisionWork;

export function evaluateScenario(scenario: Scenario): Evaluation {
  const prepared = prepare(scenario);
  const people = ratePeople(prepared).map((work) =>
    Object.assign(work, { titles: [], eligibility: [], engineRating: work.rating, decision: null }),
  ) as Work[];

  const members = new Map<string, Work[]>();
  for (const unit of scenario.units) members.set(unit.id, []);
  // quota groups: units first (in input order), then the other groups in order of first appearance
  const groups = new Map<string, Work[]>();
  for (const unit of scenario.units) groups.set(unit.id, []);
  for (const work of people) {
    members.get(work.facts.person.unitId)?.push(work);
    const group = groups.get(work.facts.group);
    if (group) group.push(work);
    else groups.set(work.facts.group, [work]);
  }

  const quotas = new Map<string, QuotaOutcome>();
  for (const [groupId, group] of groups) quotas.set(groupId, applyExcellentQuota(prepared, group, groupId));
  for (const work of people) work.engineRating = work.rating;
  const decided = applyDecisions(prepared, people, groups, scenario.finalRatings ?? []);
  for (const [groupId, outcome] of decided) quotas.set(groupId, outcome);

  grantTitles(prepared, people);
  const ranks = blockRanks(prepared, members);

  let total = 0;
  const results: PersonResult[] = people.map((work) => {
    const flags = raiseFlags(prepared, work);
    const rewards = personRewards(prepared, work);
    for (const reward of rewards) total += reward.amount;
    if (rewards.length > 0) traceRewards(work, rewards);
    const result: PersonResult = {
      id: work.facts.person.id,
      score: work.score,
      components: work.components,
      proposedRating: work.proposed,
      rating: work.rating,
      engineRating: work.engineRating,
      ratingCeiling: work.ceiling,
      titleEligibility: work.eligibility,
      titles: work.titles,
      rewards,
      flags,
      trace: work.trace,
    };
    if (work.periods !== null) result.periods = work.periods;
    if (work.awaitingAssessment !== null) result.awaitingAssessment = work.awaitingAssessment;
    if (work.decision !== null) result.decision = work.decision;
    return result;
  });

  const units: UnitResult[] = scenario.units.map((unit) => {
    const titles = collectiveTitles(members.get(unit.id) ?? []);
    const rewards = titles
      .map((title) => rewardOf(prepared.params, title))
      .filter((r): r is Reward => r !== null);
    for (const reward of rewards) total += reward.amount;
    const quota = quotas.get(unit.id) ?? { eligible: 0, allowed: 0, granted: 0 };
    return {
      id: unit.id,
      excellentQuota: { eligible: quota.eligible, allowed: quota.allowed, granted: quota.granted },
      collectiveTitles: titles,
      rewards,
      blockRank: ranks.get(unit.id) ?? null,
    };
  });

  const quotaGroups: QuotaGroupResult[] = [];
  for (const [groupId, outcome] of quotas) {
    if (prepared.units.has(groupId)) continue;
    quotaGroups.push({
      id: groupId,
      excellentQuota: { eligible: outcome.eligible, allowed: outcome.allowed, granted: outcome.granted },
    });
  }

  const errors = people
    .filter((work) => work.error !== null)
    .map((work) => ({ personId: work.facts.person.id, message: work.error as string }));

  const evaluation: Evaluation = {
    year: scenario.year,
    pack: scenario.pack,
    people: results,
    units,
    rewardBudget: { baseSalary: prepared.params.baseSalary, total },
    errors,
  };
  if (quotaGroups.length > 0) evaluation.quotaGroups = quotaGroups;
  return evaluation;
}

// one entry per combination of rewards (the same for every LĐTT holder of a cycle)
const rewardEntries = new Map<string, TraceLine>();

function traceRewards(work: Work, rewards: Reward[]): void {
  const key = rewards.map((reward) => `${reward.title}:${reward.amount}`).join(',');
  let entry = rewardEntries.get(key);
  if (!entry) {
    entry = new TraceStep(
      RULES.reward,
      String(rewards.reduce((sum, reward) => sum + reward.amount, 0)),
      rewards.map((reward) => Object.freeze([reward.title, reward.amount])),
    );
    if (rewardEntries.size > 1000) rewardEntries.clear();
    rewardEntries.set(key, entry);
  }
  work.trace.push(entry);
}
