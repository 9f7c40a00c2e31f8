// The office's cycle settings: a draft is deleted only after confirming; deadlines change with a reason.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../../i18n/vi.ts';
import { renderWithApp } from '../../test-support/render-with-app.tsx';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { CycleSettingsActions } from './cycle-settings-actions.tsx';

const draft = {
  id: 'c9',
  name: 'Kỳ tạo nhầm',
  status: 'DRAFT',
  version: 1,
  deadlines: [{ stage: 'OPEN', dueOn: '2027-11-30', ownerRole: 'STAFF' }],
} as unknown as CycleRow;

describe('cycle settings', () => {
  it('deletes a draft only after the officer confirms', async () => {
    const user = userEvent.setup();
    let changed = 0;
    const { calls } = renderWithApp(<CycleSettingsActions cycle={draft} onChanged={() => changed++} />, {
      role: 'OFFICER',
      answers: {
        DeleteDraftCycle: {
          data: {
            deleteCycle: {
              __typename: 'DeleteCycleSuccess',
              data: { __typename: 'DeletedCycle', id: 'c9', name: 'Kỳ tạo nhầm' },
            },
          },
        },
      },
    });
    await user.click(screen.getByRole('button', { name: messages['cycleSettings.delete'] }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Xóa kỳ đánh giá "Kỳ tạo nhầm"?');
    expect(calls).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: messages['cycleSettings.delete'] }));
    await waitFor(() => expect(changed).toBe(1));
    expect(calls.map((call) => call.operationName)).toEqual(['DeleteDraftCycle']);
  });

  it('asks for a reason before changing deadlines', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<CycleSettingsActions cycle={draft} onChanged={() => {}} />, {
      role: 'OFFICER',
      answers: {},
    });
    await user.click(screen.getByRole('button', { name: messages['cycleSettings.editDeadlines'] }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    await within(dialog).findByText(messages['cycleSettings.reasonRequired']);
    expect(calls).toHaveLength(0);
  });
});
