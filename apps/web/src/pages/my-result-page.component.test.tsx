// A member of staff's own result as they see it once published: the appeal form offers to ask for
// a rating other than the one they have (the API refuses to be asked for the current one).
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { cyclesAnswer } from '../test-support/cycles-answer.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { MyResultPage } from './my-result-page.tsx';

const slow = { timeout: 10_000 };

// published today: the appeal window is open
const cycles = cyclesAnswer({ status: 'PUBLISHED' });

const myResult = {
  data: {
    myResult: {
      __typename: 'EvaluationResult',
      id: 'r1',
      score: 86.5,
      finalRating: 'GOOD',
      finalReason: null,
      headComment: 'Chủ động, tận tụy; cần báo cáo tiến độ đều hơn',
      titles: [],
      components: { __typename: 'ScoreComponents', tasks: 60, conduct: 9, reform: 9, citizens: 8.5 },
      trace: [],
    },
    myAppeals: [],
    cycle: { __typename: 'Cycle', id: 'c1', mySelfAssessment: [] },
  },
};

describe('my result page', () => {
  it('offers in the appeal only ratings other than the one the person has', async () => {
    const user = userEvent.setup();
    renderWithApp(<MyResultPage />, {
      role: 'STAFF',
      answers: { CyclesList: cycles, MyResultPage: myResult },
    });
    const appeal = await screen.findByTestId('appeal', {}, slow);
    expect((await screen.findByTestId('my-rating')).textContent).toContain(messages['rating.GOOD']);
    // the head's comment is on the page, not only in the printed form
    expect(screen.getByTestId('head-comment').textContent).toContain('cần báo cáo tiến độ đều hơn');
    await user.click(within(appeal).getByRole('combobox', { name: messages['appeal.requested'] }));
    await screen.findAllByRole('option');
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map(
      (option) => option.getAttribute('title') ?? option.textContent,
    );
    expect(offered).toEqual([
      messages['rating.EXCELLENT'],
      messages['rating.COMPLETED'],
      messages['rating.NOT_COMPLETED'],
    ]);
  });

  it('offers no "save draft" on a filed self-assessment, only filing the revision again', async () => {
    const open = cyclesAnswer({
      status: 'OPEN',
      deadlines: [{ __typename: 'CycleDeadline', stage: 'OPEN', dueOn: '2026-12-15', ownerRole: 'STAFF' }],
    });
    const filed = structuredClone(myResult);
    Object.assign(filed.data, {
      myResult: null,
      cycle: {
        __typename: 'Cycle',
        id: 'c1',
        mySelfAssessment: [
          {
            __typename: 'SelfAssessment',
            id: 's1',
            achievements: 'Hoàn thành 100% nhiệm vụ',
            shortcomings: null,
            proposedRating: 'GOOD',
            submittedAt: '2026-11-20T03:00:00.000Z',
            version: 1,
          },
        ],
      },
    });
    renderWithApp(<MyResultPage />, { role: 'STAFF', answers: { CyclesList: open, MyResultPage: filed } });
    const form = await screen.findByTestId('self-assessment', {}, slow);
    await within(form).findByRole('button', { name: messages['self.resubmit'] });
    expect(within(form).queryByRole('button', { name: messages['self.saveDraft'] })).toBeNull();
    // the deadline is stated
    expect(within(form).getByTestId('self-deadline').textContent).toContain('15/12/2026');
  });
});
