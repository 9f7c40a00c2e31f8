// The results table as a head and an officer see it: the ranking as the API orders it, the count,
// the adjust action only at the step the law gives them, the rating filter sent to the API, and an
// adjustment shown in the row once saved.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/session.ts';
import type { ResultRow } from '../features/results-query.ts';
import type { CycleStatus } from '../features/use-cycles.ts';
import { vi as messages } from '../i18n/vi.ts';
import { type Answer, renderWithApp } from '../test-support/render-with-app.tsx';
import { ResultsPage } from './results-page.tsx';

function row(n: number, fullName: string, rating: ResultRow['finalRating'], score: number) {
  return {
    __typename: 'EvaluationResult',
    id: `r${n}`,
    version: 1,
    score,
    proposedRating: rating,
    engineRating: rating,
    finalRating: rating,
    finalReason: null,
    titles: [],
    components: { __typename: 'ScoreComponents', tasks: score, conduct: 10, reform: score, citizens: score },
    person: { __typename: 'Person', id: `p${n}`, fullName, code: `CB0000${n}` },
    unit: { __typename: 'Unit', id: 'u1', name: 'Sở Nội vụ' },
    flags: [],
    trace: [],
    decisions: [],
  };
}

const people = [
  row(1, 'Nguyễn Văn An', 'EXCELLENT', 95),
  row(2, 'Trần Thị Bình', 'GOOD', 88),
  row(3, 'Lê Văn Cường', 'COMPLETED', 72),
];

function answers(status: CycleStatus, rows = people): Record<string, Answer> {
  return {
    CyclesList: {
      data: {
        cycles: [
          {
            __typename: 'Cycle',
            id: 'c1',
            year: 2026,
            name: 'Đánh giá năm 2026',
            status,
            readOnly: false,
            version: 1,
            appealDays: 15,
            publishedAt: null,
            pack: { __typename: 'PolicyPack', id: 'nd335', name: 'Nghị định 335/2025' },
            scopeUnit: { __typename: 'Unit', id: 'u0', name: 'UBND tỉnh' },
            deadlines: [],
            latestRun: null,
          },
        ],
      },
    },
    UnitTree: {
      data: {
        units: [
          { __typename: 'Unit', id: 'u1', code: 'SNV', name: 'Sở Nội vụ', kind: 'DEPARTMENT', parent: null },
        ],
      },
    },
    ResultsPage: {
      reply: (variables) => {
        const filter = (variables.filter ?? {}) as { rating?: string | null };
        const shown = rows.filter((one) => !filter.rating || one.finalRating === filter.rating);
        return {
          results: {
            __typename: 'QueryResultsConnection',
            totalCount: shown.length,
            edges: shown.map((node) => ({ __typename: 'QueryResultsConnectionEdge', node })),
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          },
        };
      },
    },
    UnitQuotaMeter: {
      data: {
        unitQuota: {
          __typename: 'UnitQuota',
          unitId: 'u1',
          eligible: 3,
          allowed: 1,
          granted: 1,
          remaining: 0,
          exceptionPercent: null,
          exceptionDecision: null,
        },
      },
    },
  };
}

const say = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

async function open(role: Role, status: CycleStatus, extra: Record<string, Answer> = {}) {
  const view = renderWithApp(<ResultsPage />, { role, answers: { ...answers(status), ...extra } });
  await screen.findByText(say(messages['results.count'], { count: 3 }), {}, { timeout: 10_000 });
  return view;
}

const rows = () => screen.getAllByTestId('result-row');
/** The proposed and the final rating of a row, as its tags name them to a screen reader. */
const ratingsIn = (one: HTMLElement | undefined) =>
  [...(one?.querySelectorAll('[data-rating]') ?? [])].map((tag) => tag.getAttribute('aria-label'));

describe('the results table', () => {
  it('ranks the people in the order the API gives, with their ratings in words', async () => {
    await open('UNIT_HEAD', 'ASSESSMENT');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((one) => one.getAttribute('data-person'))).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
    ]);
    expect(ratingsIn(rows()[1])).toEqual([messages['rating.GOOD'], messages['rating.GOOD']]);
  });

  it('lets a head adjust every row during the assessment step', async () => {
    await open('UNIT_HEAD', 'ASSESSMENT');
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: messages['results.adjust'] })).toHaveLength(3),
    );
  });

  it('offers a head no adjustment once the cycle is under review, and says so', async () => {
    await open('UNIT_HEAD', 'REVIEW');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryAllByRole('button', { name: messages['results.adjust'] })).toHaveLength(0);
    expect(screen.getByText(messages['results.adjustNotAllowed'])).toBeTruthy();
  });

  it('sends the rating filter to the API and shows only what it returns', async () => {
    const user = userEvent.setup();
    const { calls } = await open('OFFICER', 'REVIEW');
    await user.click(screen.getByLabelText(messages['results.ratingFilter']));
    await user.click(await screen.findByTitle(messages['rating.GOOD']));
    await screen.findByText(say(messages['results.count'], { count: 1 }));
    await waitFor(() =>
      expect(rows().map((one) => one.getAttribute('data-person'))).toEqual(['Trần Thị Bình']),
    );
    const last = calls.filter((call) => call.operationName === 'ResultsPage').at(-1);
    expect(last?.variables.filter).toMatchObject({ rating: 'GOOD' });
  });

  it('shows an adjustment in its row once the API has saved it', async () => {
    const user = userEvent.setup();
    await open('OFFICER', 'REVIEW', {
      AdjustRatingPage: {
        reply: (variables) => ({
          adjustRating: {
            __typename: 'AdjustRatingSuccess',
            data: {
              __typename: 'EvaluationResult',
              id: variables.id,
              finalRating: variables.rating,
              finalReason: variables.reason,
              version: 2,
              decisions: [],
            },
          },
        }),
      },
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    const cuong = rows()[2] as HTMLElement;
    await user.click(within(cuong).getByRole('button', { name: messages['results.adjust'] }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: new RegExp(`^${messages['rating.GOOD']}`) }));
    await user.type(within(dialog).getByLabelText(messages['results.adjustReason']), 'Bổ sung minh chứng');
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    // proposed by the engine, then the officer's decision
    await waitFor(() =>
      expect(ratingsIn(rows()[2])).toEqual([messages['rating.COMPLETED'], messages['rating.GOOD']]),
    );
  });
});
