// The results page keeps its view in the address: a link with a rating filter, a search and an open
// person opens the same view, and choosing another filter closes the person.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CycleStatus } from '../features/cycles/use-cycles.ts';
import type { ResultRow } from '../features/results/results-query.ts';
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

describe('the results page address', () => {
  it('opens a linked view: the filter and search sent to the API, the person open', async () => {
    const { calls } = renderWithApp(<ResultsPage />, {
      role: 'OFFICER',
      answers: answers('REVIEW'),
      url: '/results?cycle=c1&rating=GOOD&q=B%C3%ACnh&open=r2',
    });
    const drawer = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    expect(within(drawer).getAllByText('Trần Thị Bình').length).toBeGreaterThan(0);
    const query = calls.find((call) => call.operationName === 'ResultsPage');
    expect(query?.variables).toMatchObject({ cycleId: 'c1', filter: { rating: 'GOOD', search: 'Bình' } });
    expect((screen.getByLabelText(messages['results.searchLabel']) as HTMLInputElement).value).toBe('Bình');
  });

  it('closes the open person from its drawer, and the address with it', async () => {
    const user = userEvent.setup();
    renderWithApp(<ResultsPage />, { role: 'OFFICER', answers: answers('REVIEW'), url: '/results?open=r1' });
    const drawer = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    await user.click(within(drawer).getByRole('button', { name: /close|đóng/i }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
