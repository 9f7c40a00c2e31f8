// Reminders of missing self-assessments: the head sends them from the checklist after a
// confirmation; the person sees theirs, with who sent it and the deadline, and dismisses it.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../../i18n/vi.ts';
import { renderWithApp } from '../../test-support/render-with-app.tsx';
import { ChecklistCard } from '../calibration/checklist-card.tsx';
import { MyReminders } from './my-reminders.tsx';

const missing = {
  __typename: 'ChecklistItem',
  kind: 'MISSING_SELF_ASSESSMENTS',
  count: 12,
  blocks: null,
  ownerRole: 'STAFF',
  stage: 'OPEN',
  dueOn: '2026-12-10',
  label: 'Chưa nộp bản tự đánh giá',
  labelEn: 'Self-assessments not submitted',
  byUnit: [],
};

const checklist = (viewerCanRemind: boolean) => ({
  data: {
    checklist: { __typename: 'Checklist', blocking: 0, items: [{ ...missing, viewerCanRemind }] },
  },
});

describe('reminders', () => {
  it('lets the head remind the 12 people after a confirmation, and says how many were reminded', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<ChecklistCard cycleId="c1" />, {
      role: 'UNIT_HEAD',
      reducedMotion: true,
      answers: {
        CycleChecklist: checklist(true),
        SendReminders: {
          data: {
            sendReminders: {
              __typename: 'SendRemindersSuccess',
              data: { __typename: 'SentReminders', sent: 11, alreadyReminded: 1, dueOn: '2026-12-10' },
            },
          },
        },
      },
    });
    const item = await screen.findByTestId('checklist-MISSING_SELF_ASSESSMENTS');
    await user.click(within(item).getByRole('button', { name: messages['reminders.send'] }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('12 người');
    // nothing is sent before the confirmation
    expect(calls.some((call) => call.operationName === 'SendReminders')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: messages['reminders.send'] }));
    await screen.findByText('Đã nhắc 11 người (1 người đã được nhắc trong ngày)');
    expect(calls.find((call) => call.operationName === 'SendReminders')?.variables).toEqual({
      cycleId: 'c1',
    });
  });

  it('offers no reminder button to whom the API does not allow it', async () => {
    renderWithApp(<ChecklistCard cycleId="c1" />, {
      role: 'STAFF',
      answers: { CycleChecklist: checklist(false) },
    });
    const item = await screen.findByTestId('checklist-MISSING_SELF_ASSESSMENTS');
    expect(within(item).queryByRole('button', { name: messages['reminders.send'] })).toBeNull();
  });

  it('shows the person who reminded them and by when, until they dismiss it', async () => {
    const user = userEvent.setup();
    let dismissed = false;
    const { calls } = renderWithApp(<MyReminders cycleId="c1" />, {
      role: 'STAFF',
      answers: {
        MyReminders: {
          reply: () => ({
            myReminders: dismissed
              ? []
              : [
                  {
                    __typename: 'Reminder',
                    id: 'r1',
                    kind: 'SELF_ASSESSMENT',
                    sentByName: 'Nguyễn Văn An',
                    sentAt: '2026-12-03T02:00:00.000Z',
                    dueOn: '2026-12-10',
                  },
                ],
          }),
        },
        DismissReminder: {
          reply: () => {
            dismissed = true;
            return { dismissReminder: true };
          },
        },
      },
    });
    const banner = await screen.findByTestId('my-reminders');
    expect(banner.textContent).toContain('Nguyễn Văn An nhắc bạn nộp bản tự đánh giá, hạn 10/12/2026');
    await user.click(within(banner).getByRole('button', { name: messages['reminders.dismiss'] }));
    await waitFor(() => expect(screen.queryByTestId('my-reminders')).toBeNull());
    expect(calls.find((call) => call.operationName === 'DismissReminder')?.variables).toEqual({ id: 'r1' });
  });
});
