// How many people each unit has: the sizes of demo-province.ts, moved one person at a time until
// the province has the number of people asked for.
import type { Draw, UnitTree } from './shared.ts';
import { leafKinds, uniformAssessmentUnit } from './shared.ts';

export function sizeUnits({ random }: Draw, { nodes, unitNamed }: UnitTree, targetPeople: number) {
  const sizes = new Map(nodes.map((n) => [n.id, n.spec.staff]));
  // the head of this unit assesses exactly twelve people
  sizes.set(unitNamed(uniformAssessmentUnit).id, 13);
  const adjustable = nodes.filter(
    (n) =>
      leafKinds.includes(n.spec.kind) &&
      n.spec.validTo === undefined &&
      n.spec.code !== uniformAssessmentUnit,
  );
  let total = [...sizes.values()].reduce((a, b) => a + b, 0);
  // units shrink to 5 at least: below that floor the loop below would never end
  const shrinkable = new Set(adjustable.map((n) => n.id));
  const floor = nodes.reduce((sum, n) => {
    const size = sizes.get(n.id) ?? 0;
    return sum + (shrinkable.has(n.id) ? Math.min(size, 5) : size);
  }, 0);
  if (targetPeople < floor) {
    throw new Error(`the demo province needs at least ${floor} people (asked for ${targetPeople})`);
  }
  while (total > targetPeople) {
    const unit = random.pick(adjustable);
    const size = sizes.get(unit.id) ?? 0;
    if (size > 5) {
      sizes.set(unit.id, size - 1);
      total--;
    }
  }
  while (total < targetPeople) {
    const unit = random.pick(adjustable);
    sizes.set(unit.id, (sizes.get(unit.id) ?? 0) + 1);
    total++;
  }
  return sizes;
}
