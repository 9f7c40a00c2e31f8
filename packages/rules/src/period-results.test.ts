import { describe, expect, it } from 'vitest';
import { PeriodResults } from './period-results.ts';
import { person, resultOf, run, task } from './test-scenario.ts';
import { SharedTrace, TraceStep } from './trace.ts';
import type { TraceLine } from './types.ts';

describe('period results kept once per evaluation', () => {
  it('gives equal figures one result and any figure a tenth apart its own', () => {
    const results = new PeriodResults('MONTH', 2026);
    const line = results.line(3, 86.7, 63, 7, 9.7, 7);
    expect(results.line(3, 86.7, 63, 7, 9.7, 7)).toBe(line);
    expect(line.result).toEqual({
      period: 3,
      score: 86.7,
      components: { tasks: 63, conduct: 7, reform: 9.7, citizens: 7 },
    });
    expect(line.detail).toBe(
      'Tháng 3/2026: 86,7 điểm (nhiệm vụ 63; ý thức 7; cải cách hành chính 9,7; hài lòng 7)',
    );
    const others = [
      results.line(4, 86.7, 63, 7, 9.7, 7),
      results.line(3, 86.8, 63, 7, 9.7, 7),
      results.line(3, 86.7, 63.1, 7, 9.7, 7),
      results.line(3, 86.7, 63, 7.1, 9.7, 7),
      results.line(3, 86.7, 63, 7, 9.8, 7),
      results.line(3, 86.7, 63, 7, 9.7, 7.1),
      results.line(3, 100, 70, 10, 10, 10),
      results.line(3, 0, 0, 0, 0, 0),
    ];
    expect(new Set([line, ...others]).size).toBe(others.length + 1);
    expect(others[6]?.result.components).toEqual({ tasks: 70, conduct: 10, reform: 10, citizens: 10 });
  });

  it('never shares a figure that is not rounded to one decimal', () => {
    const results = new PeriodResults('QUARTER', 2026);
    const rounded = results.line(1, 63.6, 63.6, 0, 0, 0);
    const unrounded = results.line(1, 63.64, 63.64, 0, 0, 0);
    expect(unrounded).not.toBe(rounded);
    expect(unrounded.result.score).toBe(63.64);
    expect(results.line(1, 63.64, 63.64, 0, 0, 0)).not.toBe(unrounded);
  });

  it('people scored the same read the same figures, and one late task changes only its own month', () => {
    const monthly = (personId: string, late: number | null) =>
      [1, 2, 3].map((month) => {
        const mm = String(month).padStart(2, '0');
        return task(personId, month, {
          due: `2026-${mm}-20`,
          completed: month === late ? `2026-${mm}-25` : `2026-${mm}-10`,
        });
      });
    const evaluation = run({
      periodKind: 'MONTH',
      people: [person('P1'), person('P2'), person('P3')],
      tasks: [...monthly('P1', null), ...monthly('P2', null), ...monthly('P3', 2)],
    });
    const [p1, p2, p3] = ['P1', 'P2', 'P3'].map((id) => resultOf(evaluation, id));
    expect(JSON.stringify(p2?.periods)).toBe(JSON.stringify(p1?.periods));
    expect(p1?.periods?.map((p) => p.score)).toEqual([100, 100, 100]);
    // done late with no delay recorded counts one delay: t = 0.75, T = (1 + 1 + 0.75) ÷ 3
    expect(p3?.periods?.map((p) => [p.score, p.components.tasks])).toEqual([
      [100, 70],
      [94.2, 64.2],
      [100, 70],
    ]);
    expect(p3?.trace.filter((entry) => entry.rule === 'score.period').map((entry) => entry.detail)).toEqual([
      'Tháng 1/2026: 100 điểm (nhiệm vụ 70; ý thức 10; cải cách hành chính 10; hài lòng 10)',
      'Tháng 2/2026: 94,2 điểm (nhiệm vụ 64,2; ý thức 10; cải cách hành chính 10; hài lòng 10)',
      'Tháng 3/2026: 100 điểm (nhiệm vụ 70; ý thức 10; cải cách hành chính 10; hài lòng 10)',
    ]);
  });
});

describe('trace lines kept once per evaluation', () => {
  it('shares a line only when rule, effect and params are all equal', () => {
    const shared = new SharedTrace();
    const trace: TraceLine[] = [];
    shared.add(trace, 'score.tasks', '63.6', [63.6, 'YEAR', 1, 4]);
    shared.add(trace, 'score.tasks', '63.6', [63.6, 'YEAR', 1, 4]);
    expect(trace[1]).toBe(trace[0]);
    expect(Object.isFrozen(trace[0])).toBe(true);
    expect(Object.isFrozen(trace[0]?.params)).toBe(true);
    shared.add(trace, 'score.leader', '63.6', [63.6, 'YEAR', 1, 4]);
    shared.add(trace, 'score.tasks', '63.7', [63.6, 'YEAR', 1, 4]);
    shared.add(trace, 'score.tasks', '63.6', [63.6, 'YEAR', 1, 5]);
    expect(new Set(trace).size).toBe(4);
    expect(trace[0]).toMatchObject({ rule: 'score.tasks', effect: '63.6', params: [63.6, 'YEAR', 1, 4] });
    expect(trace[0]?.detail).toBe(
      'Kết quả thực hiện nhiệm vụ: 63,6/70 điểm (4 nhiệm vụ, theo số lượng, chất lượng và tiến độ của sản phẩm quy đổi)',
    );
  });

  it('makes a keyed line once and gives it to everyone with that key', () => {
    const shared = new SharedTrace();
    let made = 0;
    const make = () => {
      made += 1;
      return new TraceStep('nd335.band', 'GOOD', [87.2, 'MONTH', made]);
    };
    const first = shared.keyed('nd335.band|87.2|12', make);
    expect(shared.keyed('nd335.band|87.2|12', make)).toBe(first);
    expect(made).toBe(1);
    expect(shared.keyed('nd335.band|87.3|12', make).params).toEqual([87.2, 'MONTH', 2]);
  });
});
