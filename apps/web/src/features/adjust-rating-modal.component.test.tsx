// The head's adjust-rating dialog as a head uses it: what the unit's quota and the hard rules in the
// engine's trace allow, a reason when leaving the engine's proposal, and the API's refusals in words.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { AdjustRatingModal } from './adjust-rating-modal.tsx';
import type { ResultRow } from './results-query.ts';

const say = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

function result(overrides: Partial<ResultRow> = {}): ResultRow {
  return {
    id: 'r1',
    version: 3,
    score: 88.5,
    proposedRating: 'GOOD',
    engineRating: 'GOOD',
    finalRating: 'GOOD',
    finalReason: null,
    titles: [],
    components: { tasks: 90, conduct: 10, reform: 80, citizens: 85 },
    person: { id: 'p1', fullName: 'Trần Thị Bình', code: 'CB00002' },
    unit: { id: 'u1', name: 'Sở Nội vụ' },
    flags: [],
    trace: [
      {
        rule: 'score.band',
        citation: 'Nghị định 335/2025/NĐ-CP, Điều 14',
        effect: 'GOOD',
        detail: '88,5 điểm',
      },
    ],
    decisions: [],
    ...overrides,
  } as ResultRow;
}

const quota = (granted: number, allowed: number) => ({
  data: {
    unitQuota: {
      __typename: 'UnitQuota',
      unitId: 'u1',
      eligible: 10,
      allowed,
      granted,
      remaining: allowed - granted,
      exceptionPercent: null,
      exceptionDecision: null,
    },
  },
});

const radio = (name: string) => screen.getByRole('radio', { name: new RegExp(`^${name}`) });
const choosable = (name: string) => !(radio(name) as HTMLInputElement).disabled;

describe('the adjust-rating dialog', () => {
  it('shows the unit quota and refuses "excellent" when it is used up, saying why', async () => {
    renderWithApp(<AdjustRatingModal cycleId="c1" result={result()} onClose={() => {}} />, {
      answers: { UnitQuotaMeter: quota(2, 2) },
    });
    const meter = await screen.findByTestId('quota-meter');
    await within(meter).findByText(
      say(messages['results.quotaMeter'], { granted: 2, allowed: 2, eligible: 10 }),
    );
    expect(choosable(messages['rating.EXCELLENT'])).toBe(false);
    expect(screen.getByText(say(messages['results.quotaFull'], { granted: 2, allowed: 2 }))).toBeTruthy();
    expect(choosable(messages['rating.GOOD'])).toBe(true);
  });

  it('disables the ratings a hard rule in the trace forbids, with the rule and its citation', async () => {
    const discipline = {
      rule: 'discipline.in-year',
      citation: 'Nghị định 335/2025/NĐ-CP, Điều 15',
      effect: 'cap: COMPLETED',
      detail: 'bị khiển trách trong năm',
    };
    renderWithApp(
      <AdjustRatingModal
        cycleId="c1"
        result={result({ engineRating: 'COMPLETED', finalRating: 'COMPLETED', trace: [discipline] })}
        onClose={() => {}}
      />,
      { answers: { UnitQuotaMeter: quota(0, 2) } },
    );
    await screen.findByText(say(messages['results.quotaMeter'], { granted: 0, allowed: 2, eligible: 10 }));
    expect(choosable(messages['rating.EXCELLENT'])).toBe(false);
    expect(choosable(messages['rating.GOOD'])).toBe(false);
    expect(choosable(messages['rating.COMPLETED'])).toBe(true);
    expect(
      screen.getAllByText(say(messages['results.forbiddenByRule'], discipline)).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('asks for a reason before saving a rating other than the proposal, and sends nothing without one', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<AdjustRatingModal cycleId="c1" result={result()} onClose={() => {}} />, {
      answers: { UnitQuotaMeter: quota(0, 2) },
    });
    await screen.findByText(say(messages['results.quotaMeter'], { granted: 0, allowed: 2, eligible: 10 }));
    await user.click(radio(messages['rating.EXCELLENT']));
    // the meter shows the quota as it will be after this decision
    expect(
      screen.getByText(say(messages['results.quotaAfter'], { granted: 1, allowed: 2 }), { exact: false }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: messages['app.save'] }));
    expect(await screen.findByText(messages['results.adjustReasonRequired'])).toBeTruthy();
    expect(calls.map((call) => call.operationName)).not.toContain('AdjustRatingPage');
  });

  it("puts the API's quota refusal in words, with the numbers", async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const { calls } = renderWithApp(<AdjustRatingModal cycleId="c1" result={result()} onClose={onClose} />, {
      answers: {
        UnitQuotaMeter: quota(1, 2),
        AdjustRatingPage: {
          data: {
            adjustRating: {
              __typename: 'QuotaExceededError',
              code: 'QUOTA_EXCEEDED',
              message: 'Vượt chỉ tiêu',
              allowed: 2,
              granted: 2,
            },
          },
        },
      },
    });
    await screen.findByText(say(messages['results.quotaMeter'], { granted: 1, allowed: 2, eligible: 10 }));
    await user.click(radio(messages['rating.EXCELLENT']));
    await user.type(screen.getByLabelText(messages['results.adjustReason']), 'Thành tích nổi bật');
    await user.click(screen.getByRole('button', { name: messages['app.save'] }));
    const alert = await screen.findByTestId('adjust-error');
    expect(alert.textContent).toContain(say(messages['results.quotaExceeded'], { allowed: 2, granted: 2 }));
    expect(onClose).not.toHaveBeenCalled();
    expect(calls.find((call) => call.operationName === 'AdjustRatingPage')?.variables).toEqual({
      id: 'r1',
      rating: 'EXCELLENT',
      reason: 'Thành tích nổi bật',
      version: 3,
    });
  });

  it('hands the saved result back when the API accepts it', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderWithApp(<AdjustRatingModal cycleId="c1" result={result()} onClose={onClose} />, {
      answers: {
        UnitQuotaMeter: quota(0, 2),
        AdjustRatingPage: {
          data: {
            adjustRating: {
              __typename: 'AdjustRatingSuccess',
              data: {
                __typename: 'EvaluationResult',
                id: 'r1',
                finalRating: 'COMPLETED',
                finalReason: 'Chậm tiến độ',
                version: 4,
                decisions: [],
              },
            },
          },
        },
      },
    });
    await screen.findByText(say(messages['results.quotaMeter'], { granted: 0, allowed: 2, eligible: 10 }));
    await user.click(radio(messages['rating.COMPLETED']));
    await user.type(screen.getByLabelText(messages['results.adjustReason']), 'Chậm tiến độ');
    await user.click(screen.getByRole('button', { name: messages['app.save'] }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(onClose.mock.calls[0]?.[0]).toMatchObject({ id: 'r1', finalRating: 'COMPLETED', version: 4 });
  });
});
