// The calibration as a council member reads it before approval, and the checklist on the dashboard.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../../i18n/vi.ts';
import { renderWithApp } from '../../test-support/render-with-app.tsx';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { CalibrationView } from './calibration-view.tsx';
import { ChecklistCard } from './checklist-card.tsx';

const cycle = { id: 'c1', name: 'Năm 2026', year: 2026, status: 'REVIEW' } as CycleRow;
const counts = (values: Record<string, number>) =>
  ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'NOT_RATED'].map((rating) => ({
    __typename: 'RatingCount',
    rating,
    count: values[rating] ?? 0,
  }));

function calibration(reviews: { at: string; byName: string; role: string; note: string | null }[]) {
  const desk = {
    __typename: 'Unit',
    id: 'u1',
    name: 'Bộ phận Một cửa',
    parent: { __typename: 'Unit', id: 'u0', name: 'Sở A' },
  };
  return {
    calibration: {
      __typename: 'Calibration',
      overall: {
        __typename: 'CalibrationDistribution',
        people: 12,
        finalGoodOrBetterPercent: 100,
        evidenceMean: 62.5,
        proposed: counts({ GOOD: 12 }),
        final: counts({ GOOD: 12 }),
      },
      units: [
        {
          __typename: 'CalibrationUnit',
          unit: desk,
          people: 12,
          finalGoodOrBetterPercent: 100,
          evidenceMean: 62.5,
          excellentAllowed: 2,
          proposed: counts({ GOOD: 12 }),
          final: counts({ GOOD: 12 }),
        },
      ],
      heads: [
        {
          __typename: 'CalibrationHead',
          assessor: { __typename: 'CalibrationAssessor', id: 'h1', name: 'Nguyễn Văn An' },
          unit: { __typename: 'Unit', id: 'u1', name: 'Bộ phận Một cửa' },
          assessed: 12,
          mean: 10,
          min: 10,
          max: 10,
          distinctValues: 1,
        },
      ],
      findings: [
        {
          __typename: 'CalibrationFinding',
          kind: 'UNIFORM_ASSESSMENT',
          unit: { __typename: 'Unit', id: 'u1', name: 'Bộ phận Một cửa' },
          assessor: { __typename: 'CalibrationAssessor', id: 'h1', name: 'Nguyễn Văn An' },
          personName: null,
          detail: 'Cùng một điểm đánh giá A = 10 (tối đa) cho cả 12 người được đánh giá',
          detailEn: 'The same assessment A = 10 for all 12 people',
        },
      ],
      points: [],
      thresholds: {},
      reviewed: reviews.length > 0,
      reviews: reviews.map((row) => ({ __typename: 'CalibrationReview', ...row })),
    },
  };
}

describe('the calibration page', () => {
  it('shows the uniform-assessment finding and records the council’s review once', async () => {
    const user = userEvent.setup();
    const review = { at: '2026-12-12T03:00:00.000Z', byName: 'council', role: 'COUNCIL_MEMBER', note: null };
    const { calls } = renderWithApp(<CalibrationView cycle={cycle} />, {
      role: 'COUNCIL_MEMBER',
      answers: {
        CalibrationPage: { reply: (_variables, call) => calibration(call > 1 ? [review] : []) },
        ReviewCalibration: {
          data: {
            reviewCalibration: {
              __typename: 'ReviewCalibrationSuccess',
              data: { ...review, __typename: 'CalibrationReview' },
            },
          },
        },
      },
    });
    const finding = await screen.findByTestId('finding-UNIFORM_ASSESSMENT');
    expect(within(finding).getByText(messages['calibration.kind.UNIFORM_ASSESSMENT'])).toBeTruthy();
    expect(within(finding).getByText(/A = 10 \(tối đa\) cho cả 12 người/)).toBeTruthy();
    expect(screen.getByText(messages['calibration.notReviewed'])).toBeTruthy();

    await user.click(screen.getByRole('button', { name: messages['calibration.review'] }));
    const dialog = await screen.findByRole('dialog');
    const ok = within(dialog).getByRole('button', { name: messages['app.confirm'] });
    await user.dblClick(ok);
    await screen.findByTestId('calibration-reviewed');
    expect(calls.filter((call) => call.operationName === 'ReviewCalibration')).toHaveLength(1);
  });
});

describe('the checklist', () => {
  it('says what blocks approval, who must act and by when', async () => {
    renderWithApp(<ChecklistCard cycleId="c1" />, {
      role: 'OFFICER',
      answers: {
        CycleChecklist: {
          data: {
            checklist: {
              __typename: 'Checklist',
              blocking: 1,
              items: [
                {
                  __typename: 'ChecklistItem',
                  kind: 'UNREVIEWED_FLAGS',
                  count: 171,
                  blocks: 'APPROVED',
                  ownerRole: 'OFFICER',
                  stage: 'REVIEW',
                  dueOn: '2026-12-15',
                  label: 'Đề xuất chưa được xem xét',
                  labelEn: 'Flags not reviewed',
                  viewerCanRemind: false,
                  byUnit: [],
                },
              ],
            },
          },
        },
      },
    });
    const item = await screen.findByTestId('checklist-UNREVIEWED_FLAGS');
    expect(within(item).getByText('Đề xuất chưa được xem xét')).toBeTruthy();
    expect(within(item).getByText(messages['checklist.blocksApproval'])).toBeTruthy();
    expect(within(item).getByText('171')).toBeTruthy();
    await waitFor(() => expect(item.textContent).toContain(messages['role.OFFICER']));
    expect(item.textContent).toContain('15/12/2026');
  });
});
