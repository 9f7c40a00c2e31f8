// The head's adjust-rating dialog as a head uses it: the choices the API (the rules engine) allows,
// the refused ones disabled with the engine's reason, the quota a choice would leave, a reason when
// leaving the engine's proposal, and the API's refusals in words.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { vi as messages } from '../../i18n/vi.ts';
import { renderWithApp } from '../../test-support/render-with-app.tsx';
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

type Count = { eligible: number; allowed: number; granted: number };
type Choice = {
  rating: string;
  allowed?: boolean;
  rule?: string | null;
  citation?: string | null;
  reason?: string | null;
  reasonRequired?: boolean;
  quota?: Count | null;
};

/** The API's answer: the unit's quota now and the engine's judgement of each choice. */
function form(now: Count, choices: Choice[], exception: { percent: number; decision: string } | null = null) {
  return {
    data: {
      unitQuota: {
        __typename: 'UnitQuota',
        unitId: 'u1',
        ...now,
        remaining: Math.max(0, now.allowed - now.granted),
        exceptionPercent: exception?.percent ?? null,
        exceptionDecision: exception?.decision ?? null,
      },
      node: {
        __typename: 'EvaluationResult',
        id: 'r1',
        ratingChoices: choices.map((choice) => ({
          __typename: 'RatingChoice',
          allowed: true,
          rule: null,
          citation: null,
          reason: null,
          reasonRequired: choice.rating !== 'GOOD',
          ...choice,
          quota:
            choice.quota === undefined
              ? { __typename: 'QuotaCount', ...now }
              : choice.quota && { __typename: 'QuotaCount', ...choice.quota },
        })),
      },
    },
  };
}

const quotaRefusal =
  'Đơn vị Sở Nội vụ được tối đa 2 người Hoàn thành xuất sắc nhiệm vụ; không còn suất trống';
const fullQuota = form({ eligible: 10, allowed: 2, granted: 2 }, [
  {
    rating: 'EXCELLENT',
    allowed: false,
    rule: 'decision.quota',
    citation: 'Nghị định 335/2025/NĐ-CP, Điều 16',
    reason: quotaRefusal,
  },
  { rating: 'GOOD' },
  { rating: 'COMPLETED' },
  { rating: 'NOT_COMPLETED', quota: { eligible: 9, allowed: 2, granted: 2 } },
]);
const openQuota = (granted: number) =>
  form({ eligible: 10, allowed: 2, granted }, [
    { rating: 'EXCELLENT', quota: { eligible: 10, allowed: 2, granted: granted + 1 } },
    { rating: 'GOOD' },
    { rating: 'COMPLETED' },
    { rating: 'NOT_COMPLETED', quota: { eligible: 9, allowed: 2, granted } },
  ]);

const radio = (name: string) => screen.getByRole('radio', { name: new RegExp(`^${name}`) });
const choosable = (name: string) => !(radio(name) as HTMLInputElement).disabled;

describe('the adjust-rating dialog', () => {
  it('shows the unit quota and the choice the engine refuses for the quota, disabled with its reason', async () => {
    renderWithApp(<AdjustRatingModal cycleId="c1" result={result()} onClose={() => {}} />, {
      answers: { RatingDecisionForm: fullQuota },
    });
    const meter = await screen.findByTestId('quota-meter');
    await within(meter).findByText(
      say(messages['results.quotaMeter'], { granted: 2, allowed: 2, eligible: 10 }),
    );
    await screen.findByRole('radio', { name: new RegExp(`^${messages['rating.EXCELLENT']}`) });
    expect(choosable(messages['rating.EXCELLENT'])).toBe(false);
    expect(
      screen.getByText(
        say(messages['results.forbiddenByRule'], {
          detail: quotaRefusal,
          citation: 'Nghị định 335/2025/NĐ-CP, Điều 16',
        }),
      ),
    ).toBeTruthy();
    expect(choosable(messages['rating.GOOD'])).toBe(true);
  });

  it('disables the ratings a hard rule forbids, with the engine’s reason and citation from the API', async () => {
    const discipline = {
      rule: 'discipline.in-year',
      citation: 'Nghị định 335/2025/NĐ-CP, Điều 15',
      reason: 'Cao nhất được xếp loại Hoàn thành nhiệm vụ: bị khiển trách trong năm',
    };
    renderWithApp(
      <AdjustRatingModal
        cycleId="c1"
        result={result({ engineRating: 'COMPLETED', finalRating: 'COMPLETED' })}
        onClose={() => {}}
      />,
      {
        answers: {
          RatingDecisionForm: form({ eligible: 10, allowed: 2, granted: 0 }, [
            { rating: 'EXCELLENT', allowed: false, ...discipline, quota: null },
            { rating: 'GOOD', allowed: false, ...discipline, quota: null },
            { rating: 'COMPLETED', reasonRequired: false },
            { rating: 'NOT_COMPLETED' },
          ]),
        },
      },
    );
    await screen.findByText(say(messages['results.quotaMeter'], { granted: 0, allowed: 2, eligible: 10 }));
    await screen.findByRole('radio', { name: new RegExp(`^${messages['rating.GOOD']}`) });
    expect(choosable(messages['rating.EXCELLENT'])).toBe(false);
    expect(choosable(messages['rating.GOOD'])).toBe(false);
    expect(choosable(messages['rating.COMPLETED'])).toBe(true);
    expect(
      screen.getAllByText(
        say(messages['results.forbiddenByRule'], {
          detail: discipline.reason,
          citation: discipline.citation,
        }),
      ),
    ).toHaveLength(2);
    // "not rated" is not offered: the API did not list it
    expect(screen.queryByRole('radio', { name: new RegExp(`^${messages['rating.NOT_RATED']}`) })).toBeNull();
  });

  it('tells a viewer the API offers no choice that they cannot decide here', async () => {
    renderWithApp(<AdjustRatingModal cycleId="c1" result={result()} onClose={() => {}} />, {
      answers: { RatingDecisionForm: form({ eligible: 10, allowed: 2, granted: 0 }, []) },
    });
    expect(await screen.findByText(messages['results.adjustNotAllowed'])).toBeTruthy();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect((screen.getByRole('button', { name: messages['app.save'] }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('asks for a reason before saving a rating other than the proposal, and sends nothing without one', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<AdjustRatingModal cycleId="c1" result={result()} onClose={() => {}} />, {
      answers: { RatingDecisionForm: openQuota(0) },
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
        RatingDecisionForm: openQuota(1),
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
        RatingDecisionForm: openQuota(0),
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
