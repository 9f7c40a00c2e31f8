import { describe, expect, it } from 'vitest';
import { person, resultOf, run, tasks } from './test-scenario.ts';

const unit = (id: string) => ({
  id,
  name: `Đơn vị ${id}`,
  parentId: null,
  block: null,
  parIndex: null,
  satisfactionIndex: null,
});

// A sits in U1 and heads U2; B sits in U2 and heads U1: each is the other's subordinate.
const crossed = {
  units: [unit('U1'), unit('U2')],
  people: [
    person('A', { unitId: 'U1', leads: 'U2' }),
    person('B', { unitId: 'U2', leads: 'U1' }),
    person('C', { unitId: 'U1' }),
    person('D', { unitId: 'U2' }),
  ],
  tasks: [
    ...tasks('A', 2, { completed: null, actual: 0 }),
    ...tasks('B', 2),
    ...tasks('C', 2),
    ...tasks('D', 2, { completed: null, actual: 0 }),
  ],
};

const summary = (parts: Record<string, unknown>) =>
  run(parts)
    .people.map((item) => `${item.id} ${item.score} ${item.rating}`)
    .sort();

describe('leaders who lead one another (a loop with no first member)', () => {
  it('rates them the same whatever the order of the people list', () => {
    const forward = summary(crossed);
    const backward = summary({ ...crossed, people: [...crossed.people].reverse() });
    expect(backward).toEqual(forward);
  });

  it('sees the other leader of the loop as a plain member rated on their own tasks', () => {
    const evaluation = run(crossed);
    // B heads U1 = {A, C}: A (nothing delivered) is NOT_COMPLETED as a member, so B's unit half
    // is 35 × mean(0, 1) × 50% = 8.75, and B = 35 + 8.75 + 30 = 73.75 → 73.8
    expect(resultOf(evaluation, 'B').score).toBe(73.8);
    // A heads U2 = {B, D}: B as a plain member is 100 (GOOD); D is NOT_COMPLETED → 50%:
    // A = 0 + 35 × mean(1, 0) × 50% + 30 = 38.75 → 38.8
    expect(resultOf(evaluation, 'A').score).toBe(38.8);
  });

  it('accepts two heads of one unit and rates each with the other as a member', () => {
    const evaluation = run({
      people: [person('H1', { leads: 'U1' }), person('H2', { leads: 'U1' }), person('M')],
      tasks: [...tasks('H1'), ...tasks('H2', 4, { completed: null, actual: 0 }), ...tasks('M')],
    });
    // H1's unit half: H2 as a plain member (nothing delivered: 30 points, not completed) and M →
    // 35 × mean(0, 1) × 50% = 8.75, so H1 = 35 + 8.75 + 30 = 73.75 → 73.8
    expect(resultOf(evaluation, 'H1').score).toBe(73.8);
    // H2's unit half: H1 as a plain member (100) and M, all completed → 35 × 1 = 35, H2 = 0 + 35 + 30
    expect(resultOf(evaluation, 'H2')).toMatchObject({ score: 65, rating: 'COMPLETED' });
  });
});
