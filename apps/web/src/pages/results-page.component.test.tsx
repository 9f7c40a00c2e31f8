// The results table as a head and an officer see it: the ranking as the API orders it, the count,
// the adjust or correct action on the rows the API says the viewer may change (viewerCan…), the
// rating filter sent to the API, and an adjustment shown in the row once saved.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/session.ts';
import type { CycleStatus } from '../features/cycles/use-cycles.ts';
import type { ResultRow } from '../features/results/results-query.ts';
import { vi as messages } from '../i18n/vi.ts';
import { type Answer, renderWithApp } from '../test-support/render-with-app.tsx';
import { ResultsPage } from './results-page.tsx';

type May = { adjust?: boolean; correct?: boolean; assess?: boolean };

function row(n: number, fullName: string, rating: ResultRow['finalRating'], score: number, may: May = {}) {
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
    awaitingAssessmentMessage: null,
    selfAssessment: null as null | Record<string, unknown>,
    headComment: null,
    viewerCanAdjust: may.adjust ?? false,
    viewerCanCorrect: may.correct ?? false,
    viewerCanAssess: may.assess ?? false,
    components: { __typename: 'ScoreComponents', tasks: score, conduct: 10, reform: score, citizens: score },
    person: { __typename: 'Person', id: `p${n}`, fullName, code: `CB0000${n}` },
    unit: { __typename: 'Unit', id: 'u1', name: 'Sở Nội vụ' },
    flags: [],
    trace: [],
    decisions: [],
  };
}

const people = (may: May = {}) => [
  row(1, 'Nguyễn Văn An', 'EXCELLENT', 95, may),
  row(2, 'Trần Thị Bình', 'GOOD', 88, may),
  row(3, 'Lê Văn Cường', 'COMPLETED', 72, may),
];

/** The engine's judgement of the choices for Cường (the quota is used up by An). */
const choices = [
  {
    __typename: 'RatingChoice',
    rating: 'EXCELLENT',
    allowed: false,
    rule: 'decision.quota',
    citation: 'Nghị định 335/2025/NĐ-CP, Điều 16',
    reason: 'Đơn vị Sở Nội vụ được tối đa 1 người Hoàn thành xuất sắc nhiệm vụ; không còn suất trống',
    reasonRequired: true,
    quota: { __typename: 'QuotaCount', eligible: 3, allowed: 1, granted: 1 },
  },
  ...(['GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const).map((rating) => ({
    __typename: 'RatingChoice',
    rating,
    allowed: true,
    rule: null,
    citation: null,
    reason: null,
    reasonRequired: rating !== 'COMPLETED',
    quota: { __typename: 'QuotaCount', eligible: rating === 'NOT_COMPLETED' ? 2 : 3, allowed: 1, granted: 1 },
  })),
];

function answers(status: CycleStatus, rows = people()): Record<string, Answer> {
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
    RatingDecisionForm: {
      data: {
        node: { __typename: 'EvaluationResult', id: 'r3', ratingChoices: choices },
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

async function open(role: Role, status: CycleStatus, may: May = {}, extra: Record<string, Answer> = {}) {
  const view = renderWithApp(<ResultsPage />, {
    role,
    answers: { ...answers(status, people(may)), ...extra },
  });
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

  it('offers the adjustment on every row the API says the viewer may adjust', async () => {
    await open('UNIT_HEAD', 'ASSESSMENT', { adjust: true });
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: messages['results.adjust'] })).toHaveLength(3),
    );
    expect(screen.queryByText(messages['results.adjustNotAllowed'])).toBeNull();
  });

  it('offers a head no adjustment when the API says they may not, and says so', async () => {
    await open('UNIT_HEAD', 'REVIEW');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryAllByRole('button', { name: messages['results.adjust'] })).toHaveLength(0);
    expect(screen.getByText(messages['results.adjustNotAllowed'])).toBeTruthy();
  });

  it('offers a numbered correction, not an adjustment, where the API allows only that', async () => {
    await open('OFFICER', 'PUBLISHED', { correct: true });
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: messages['results.correct'] })).toHaveLength(3),
    );
    expect(screen.queryAllByRole('button', { name: messages['results.adjust'] })).toHaveLength(0);
  });

  it('shows each self-assessment beside the scores and in full behind the name', async () => {
    const user = userEvent.setup();
    const filed = people();
    const binh = filed[1];
    if (!binh) throw new Error('no Bình');
    binh.unit = {
      __typename: 'Unit',
      id: 'u2',
      name: 'Văn phòng',
      parent: { __typename: 'Unit', id: 'u1', name: 'Sở Nội vụ' },
    } as typeof binh.unit;
    binh.selfAssessment = {
      __typename: 'SelfAssessment',
      proposedRating: 'EXCELLENT',
      achievements: 'Giải quyết 412 hồ sơ đúng hạn, không có hồ sơ trễ',
      shortcomings: 'Chưa chủ động báo cáo tiến độ',
      submittedAt: '2026-11-20T03:00:00.000Z',
    };
    renderWithApp(<ResultsPage />, { role: 'OFFICER', answers: answers('REVIEW', filed) });
    await waitFor(() => expect(rows()).toHaveLength(3));
    // Bình proposes excellent for herself; the engine and the decision say good
    expect(ratingsIn(rows()[1])).toEqual([
      messages['rating.EXCELLENT'],
      messages['rating.GOOD'],
      messages['rating.GOOD'],
    ]);
    expect(ratingsIn(rows()[0])).toHaveLength(2);
    // a unit is named with its parent: every department has a "Văn phòng"
    expect(within(rows()[1] as HTMLElement).getByText('Văn phòng (Sở Nội vụ)')).toBeTruthy();
    await user.click(within(rows()[1] as HTMLElement).getByRole('button', { name: 'Trần Thị Bình' }));
    const filedView = await screen.findByTestId('self-assessment');
    expect(within(filedView).getByText('Giải quyết 412 hồ sơ đúng hạn, không có hồ sơ trễ')).toBeTruthy();
    expect(within(filedView).getByText('Chưa chủ động báo cáo tiến độ')).toBeTruthy();
  });

  it('says that nothing matches a search, not that the evaluation has yet to run', async () => {
    const user = userEvent.setup();
    await open(
      'OFFICER',
      'REVIEW',
      {},
      {
        ResultsPage: {
          reply: (variables) => {
            const filter = (variables.filter ?? {}) as { search?: string | null };
            const shown = filter.search ? [] : people();
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
      },
    );
    await user.type(screen.getByLabelText(messages['results.searchLabel']), 'zzzz');
    expect(await screen.findByText(messages['results.noMatch'], {}, { timeout: 5_000 })).toBeTruthy();
    expect(screen.queryByText(messages['results.empty'])).toBeNull();
  });

  it('explains the abbreviations the table uses', async () => {
    const user = userEvent.setup();
    await open('OFFICER', 'REVIEW');
    await user.click(screen.getByRole('button', { name: messages['legend.button'] }));
    await screen.findAllByRole('term');
    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    expect(terms).toEqual(expect.arrayContaining(['HTXSNV', 'LĐTT', 'CSTĐCS']));
    expect(screen.getAllByText(messages['title.CSTDCS']).length).toBeGreaterThan(0);
  });

  it('sends the rating filter to the API and shows only what it returns', async () => {
    const user = userEvent.setup();
    const { calls } = await open('OFFICER', 'REVIEW', { adjust: true });
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
    await open(
      'OFFICER',
      'REVIEW',
      { adjust: true },
      {
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
      },
    );
    await waitFor(() => expect(rows()).toHaveLength(3));
    const cuong = rows()[2] as HTMLElement;
    await user.click(within(cuong).getByRole('button', { name: messages['results.adjust'] }));
    const dialog = await screen.findByRole('dialog');
    // the engine's refusal of "excellent" is shown on the choice, which cannot be picked
    const excellent = await within(dialog).findByRole('radio', {
      name: new RegExp(`^${messages['rating.EXCELLENT']}`),
    });
    expect((excellent as HTMLInputElement).disabled).toBe(true);
    expect(within(dialog).getByTestId('forbidden-reason').textContent).toContain('không còn suất trống');
    await user.click(within(dialog).getByRole('radio', { name: new RegExp(`^${messages['rating.GOOD']}`) }));
    await user.type(within(dialog).getByLabelText(messages['results.adjustReason']), 'Bổ sung minh chứng');
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    // proposed by the engine, then the officer's decision
    await waitFor(() =>
      expect(ratingsIn(rows()[2])).toEqual([messages['rating.COMPLETED'], messages['rating.GOOD']]),
    );
  });
});
