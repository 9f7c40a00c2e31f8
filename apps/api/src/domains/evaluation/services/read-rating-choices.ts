import type { PrismaClient, Rating } from '@cadre/db';
import { decisionChoices } from '../../../rules/engine.ts';
import type { UnitTreeCache } from '../../../scope/unit-tree.ts';
import { buildGroupScenario } from './check-decision.ts';

export type RatingChoiceView = {
  rating: Rating;
  /** whether the engine admits this decision now (hard rules, the group's excellent quota) */
  allowed: boolean;
  rule: string | null;
  citation: string | null;
  /** Vietnamese: why the engine refuses it (null when allowed) */
  reason: string | null;
  /** an adjustment away from the engine's rating needs a written reason */
  reasonRequired: boolean;
  /** the group's excellent quota with this decision taken (or as it refused it) */
  quota: { eligible: number; allowed: number; granted: number } | null;
};

/**
 * The ratings a decision on one result may take, as the engine judges them on the current
 * evidence and the decisions in force in the person's quota group — what adjustRating and
 * correctRating will accept, so a form can disable the rest with the engine's reason.
 */
export async function readRatingChoices(options: {
  prisma: PrismaClient;
  unitTrees: UnitTreeCache;
  result: { cycleId: string; personId: string; engineRating: Rating; finalRating: Rating };
}): Promise<RatingChoiceView[]> {
  const { prisma, result } = options;
  const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: result.cycleId } });
  const scenario = await buildGroupScenario({
    tx: prisma,
    cycle,
    tree: await options.unitTrees.get(),
    personId: result.personId,
  });
  const choices = await decisionChoices({ scenario, personId: result.personId, current: result.finalRating });
  if (!choices) return [];
  return choices.map((choice) => ({
    rating: choice.rating,
    allowed: choice.violation === null,
    rule: choice.violation?.rule ?? null,
    citation: choice.violation?.citation ?? null,
    reason: choice.violation?.message ?? null,
    reasonRequired: choice.rating !== result.engineRating,
    quota: choice.quota,
  }));
}
