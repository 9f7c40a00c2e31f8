// The trace is kept compact ({ rule, effect, params }) and written out when read: each rule's
// sentence from its params, the entry stored before traces were compact passed through as it is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CITE, RULES } from './citations.ts';
import { evaluateScenario } from './evaluate.ts';
import { parseScenario } from './parse-scenario.ts';
import { person, scenario, tasks } from './test-scenario.ts';
import { PROSE, renderStoredTrace, renderTraceEntry, storedTrace, TRACE_TEXTS } from './trace-texts.ts';
import type { Scenario } from './types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const examples = ['02-ward-office-monthly', '03-one-stop-shop-quarterly'];

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

function example(name: string): Scenario {
  return parsed(JSON.parse(readFileSync(path.join(here, `../fixtures/${name}.json`), 'utf8')));
}

function built(parts: Record<string, unknown>): Scenario {
  return parsed(scenario(parts));
}

describe('a compact trace entry read as text', () => {
  it("gives each rule's citation and Vietnamese sentence from its params", () => {
    expect(renderTraceEntry({ rule: RULES.tasks, effect: '8.8', params: [8.8, 'YEAR', 1, 2] })).toEqual({
      rule: 'score.tasks',
      citation: 'Nghị định 335/2025/NĐ-CP, Điều 14',
      effect: '8.8',
      detail:
        'Kết quả thực hiện nhiệm vụ: 8,8/70 điểm (2 nhiệm vụ, theo số lượng, chất lượng và tiến độ của sản phẩm quy đổi)',
    });
    const months = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12];
    expect(
      renderTraceEntry({ rule: RULES.conduct, effect: '9.8', params: [['MONTH', 2026, months], 0, 10, 0] })
        .detail,
    ).toBe('Ý thức, đạo đức (tháng 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12/2026): điểm thủ trưởng đánh giá 10');
    expect(renderTraceEntry({ rule: RULES.conduct, effect: '8', params: [null, 0, 10, 1] }).detail).toBe(
      'Ý thức, đạo đức: điểm thủ trưởng đánh giá 10, trừ 2 điểm vì 1 vi phạm (đi muộn, vắng mặt, vi phạm quy tắc ứng xử hoặc bị phản ánh đúng) trong kỳ',
    );
    expect(
      renderTraceEntry({ rule: RULES.band, effect: 'NOT_COMPLETED', params: [38.8, 'YEAR', 1] }),
    ).toEqual({
      rule: 'nd335.band',
      citation: 'Nghị định 335/2025/NĐ-CP, Điều 20',
      effect: 'NOT_COMPLETED',
      detail: 'Điểm cả năm 38,8, dưới 50 điểm: Không hoàn thành nhiệm vụ',
    });
    expect(
      renderTraceEntry({ rule: RULES.band, effect: 'GOOD', params: [81.3, 'QUARTER', 3] }),
    ).toMatchObject({
      citation: 'Nghị định 335/2025/NĐ-CP, Điều 20 và Điều 21',
      detail: 'Điểm cả năm 81,3, bình quân 3 quý được chấm, từ 70 đến dưới 90 điểm: Hoàn thành tốt nhiệm vụ',
    });
    expect(
      renderTraceEntry({
        rule: RULES.discipline,
        effect: 'NOT_COMPLETED',
        params: ['KHIEN_TRACH', '2026-03-01', 1],
      }),
    ).toMatchObject({
      citation: CITE.disciplineNd335,
      detail:
        'Bị kỷ luật khiển trách ngày 01/03/2026 về hành vi liên quan đến thực thi nhiệm vụ, công vụ: xếp loại Không hoàn thành nhiệm vụ',
    });
    expect(renderTraceEntry({ rule: RULES.ldtt, effect: '+LDTT', params: [1] }).detail).toBe(
      'Đạt danh hiệu Lao động tiên tiến: hoàn thành xuất sắc nhiệm vụ, không bị kỷ luật, đủ thời gian công tác',
    );
    expect(
      renderTraceEntry({
        rule: RULES.reward,
        effect: '3042000',
        params: [
          ['LDTT', 702000],
          ['CSTDCS', 2340000],
        ],
      }).detail,
    ).toBe(
      'Tiền thưởng: Lao động tiên tiến 702.000 đồng; Chiến sĩ thi đua cơ sở 2.340.000 đồng (hệ số nhân với mức lương cơ sở)',
    );
    expect(
      renderTraceEntry({
        rule: RULES.quota,
        effect: 'GOOD',
        params: ['quota', 1, 'U1', 20, 1, 0, null, null, null],
      }),
    ).toMatchObject({
      citation: CITE.quota,
      detail:
        'Đơn vị U1 được tối đa 0 người Hoàn thành xuất sắc nhiệm vụ (20% của 1 người hoàn thành tốt trở lên, làm tròn xuống); không còn suất nào trong tỷ lệ: xếp loại Hoàn thành tốt nhiệm vụ',
    });
    expect(renderTraceEntry({ rule: RULES.cstdTinh, effect: '+CSTD_TINH', params: [9, 10] }).detail).toBe(
      'Đạt Chiến sĩ thi đua cấp tỉnh: 3 năm liên tục Chiến sĩ thi đua cơ sở, có sáng kiến cấp tỉnh, được 9/10 thành viên Hội đồng bỏ phiếu đồng ý',
    );
  });

  it('reads the stored form, and passes through an entry stored as text before traces were compact', () => {
    expect(renderTraceEntry([RULES.ldtt, '+LDTT', 0])).toEqual(
      renderTraceEntry({ rule: RULES.ldtt, effect: '+LDTT', params: [0] }),
    );
    const old = {
      rule: 'score.tasks',
      citation: 'an older citation',
      effect: '50',
      detail: 'an older sentence',
    };
    expect(renderTraceEntry(old)).toEqual(old);
    expect(renderStoredTrace([old, [RULES.degeneration, 'NOT_COMPLETED'], null, 'x', [1]])).toEqual([
      old,
      expect.objectContaining({ rule: RULES.degeneration, citation: CITE.degeneration }),
    ]);
    expect(renderStoredTrace({ not: 'a list' })).toEqual([]);
    // prose kept as written (a flag's reason), and a rule this version does not know
    expect(renderTraceEntry(['rotation.period', 'ROTATION:ACTIVE', 'Giữ vị trí 3 năm'])).toEqual({
      rule: 'rotation.period',
      citation: CITE.rotation,
      effect: 'ROTATION:ACTIVE',
      detail: 'Giữ vị trí 3 năm',
    });
    expect(renderTraceEntry(['x.new', '', PROSE, 'quotaException', 'as written'])).toMatchObject({
      citation: CITE.quotaException,
      detail: 'as written',
    });
  });

  it('has a citation and a sentence for every rule id but the flags (whose reason is the sentence)', () => {
    const flagRules = ['rotation.', 'streamlining.', 'dismissal.', 'weak-performance.'];
    const missing = Object.values(RULES).filter(
      (rule) => !(rule in TRACE_TEXTS) && !flagRules.some((prefix) => rule.startsWith(prefix)),
    );
    // decision.refused and decision.quota are the rules of refused decisions, written as such
    expect(missing).toEqual(['decision.refused', 'decision.quota']);
  });
});

describe('an evaluation stored compact and read back', () => {
  const scenarios: [string, Scenario][] = [
    ...examples.map((name): [string, Scenario] => [name, example(name)]),
    [
      'a year with a quota, titles, absence, discipline and a decision',
      built({
        people: [
          person('A', { citizenFacing: true }),
          person('B'),
          person('C', { monthsAbsent: 4 }),
          person('D', { leads: 'U1' }),
          person('E', { conductAssessment: 6 }),
        ],
        tasks: ['A', 'B', 'C', 'D', 'E'].flatMap((id) => tasks(id, 3)),
        citizenVotes: [{ personId: 'A', verySatisfied: 30, satisfied: 9, dissatisfied: 1 }],
        discipline: [
          {
            personId: 'E',
            form: 'KHIEN_TRACH',
            decidedOn: '2026-05-01',
            actYear: 2026,
            concernsDuties: true,
          },
        ],
        finalRatings: [{ personId: 'B', rating: 'GOOD', reason: 'đề nghị của hội đồng' }],
      }),
    ],
  ];

  it.each(scenarios)(
    '%s: reads exactly as the engine writes it, from a store at most half the size',
    (_, scenario) => {
      const evaluation = evaluateScenario(scenario);
      let text = 0;
      let stored = 0;
      for (const result of evaluation.people) {
        const written = JSON.stringify(result.trace);
        const kept = JSON.stringify(storedTrace(result.trace));
        expect(JSON.stringify(renderStoredTrace(JSON.parse(kept)))).toBe(written);
        text += written.length;
        stored += kept.length;
      }
      expect(stored).toBeLessThan(text / 2);
    },
  );
});
