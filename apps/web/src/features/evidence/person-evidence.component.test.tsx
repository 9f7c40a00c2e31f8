// A person's imported evidence as a personnel officer sees it in the result drawer: each row with
// the file it came from, and the correction and deletion dialogs that refuse to go without a reason.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../../i18n/vi.ts';
import { cyclesAnswer } from '../../test-support/cycles-answer.ts';
import { renderWithApp } from '../../test-support/render-with-app.tsx';
import { PersonEvidence } from './person-evidence.tsx';
import { PersonEvidenceDrawer } from './person-evidence-drawer.tsx';

const count = (name: string, value: string) => ({
  __typename: 'EvidenceField',
  name,
  type: 'INT',
  value,
  correctable: true,
  nullable: false,
  min: 0,
  options: null,
});

function evidence(mayCorrect: boolean) {
  return {
    data: {
      personEvidence: {
        __typename: 'PersonEvidence',
        personId: 'p1',
        fullName: 'Nguyễn Văn Em',
        periodKind: 'QUARTER',
        mayCorrect,
        rows: [
          {
            __typename: 'EvidenceRow',
            id: 'd1',
            kind: 'DOSSIER',
            period: 2,
            periodClosed: true,
            label: null,
            version: 3,
            fields: [
              count('received', '120'),
              count('early', '20'),
              count('onTime', '98'),
              count('late', '2'),
              count('apologies', '2'),
            ],
            source: {
              __typename: 'EvidenceSource',
              batchId: 'b1',
              fileName: 'mot-cua-quy-2.xlsx',
              importKind: 'ONE_STOP_STATS',
              importedAt: '2026-07-02T03:00:00.000Z',
              importedBy: 'Cán bộ tổ chức',
            },
          },
        ],
      },
    },
  };
}

const say = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

const deleted = {
  data: {
    deleteEvidence: {
      __typename: 'DeleteEvidenceSuccess',
      data: { __typename: 'DeletedEvidence', id: 'd1' },
    },
  },
};

describe('imported evidence of a person', () => {
  it('lists each row with its figures and the file it was imported from', async () => {
    renderWithApp(<PersonEvidence cycleId="c1" personId="p1" />, {
      role: 'OFFICER',
      answers: { PersonEvidence: evidence(true) },
    });
    const section = await screen.findByTestId('person-evidence');
    await within(section).findByText('mot-cua-quy-2.xlsx');
    expect(within(section).getByText(messages['evidence.kind.DOSSIER'])).toBeTruthy();
    expect(within(section).getByText(messages['evidence.periodClosed'])).toBeTruthy();
    expect(within(section).getByText('QII')).toBeTruthy();
    expect(within(section).getByText(`${messages['evidence.field.late']}:`).parentElement?.textContent).toBe(
      `${messages['evidence.field.late']}: 2`,
    );
  });

  it('offers no correction to a reader who may not correct', async () => {
    renderWithApp(<PersonEvidence cycleId="c1" personId="p1" />, {
      role: 'STAFF',
      answers: { PersonEvidence: evidence(false) },
    });
    await screen.findByText('mot-cua-quy-2.xlsx');
    expect(screen.queryByRole('button', { name: new RegExp(`^${messages['evidence.correct']}`) })).toBeNull();
  });

  it('refuses to send a correction without a reason', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<PersonEvidence cycleId="c1" personId="p1" />, {
      role: 'OFFICER',
      answers: { PersonEvidence: evidence(true) },
    });
    await user.click(
      await screen.findByRole('button', { name: new RegExp(`^${messages['evidence.correct']}:`) }),
    );
    const dialog = await screen.findByRole('dialog');
    within(dialog).getByText(messages['evidence.closedNote']);
    const value = within(dialog).getByLabelText(messages['evidence.newValue']);
    await user.clear(value);
    await user.type(value, '118');
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    await within(dialog).findByText(messages['evidence.reasonRequired']);
    expect(calls.map((call) => call.operationName)).not.toContain('CorrectEvidence');
  });

  it('asks to confirm a deletion, then sends it with its reason', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<PersonEvidence cycleId="c1" personId="p1" />, {
      role: 'OFFICER',
      answers: { PersonEvidence: evidence(true), DeleteEvidence: deleted },
    });
    await user.click(
      await screen.findByRole('button', { name: new RegExp(`^${messages['evidence.delete']}:`) }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: messages['evidence.delete'] }));
    await within(dialog).findByText(messages['evidence.reasonRequired']);
    await user.type(within(dialog).getByLabelText(messages['evidence.reason']), 'Nhập nhầm người xử lý');
    await user.click(within(dialog).getByRole('button', { name: messages['evidence.delete'] }));
    await screen.findAllByText(messages['evidence.deleteConfirmTitle']);
    const confirmDialog = screen
      .getAllByRole('dialog')
      .find((candidate) =>
        candidate.textContent?.includes(messages['evidence.deleteConfirmTitle']),
      ) as HTMLElement;
    expect(confirmDialog.textContent).toContain('Hồ sơ thủ tục hành chính · QII');
    expect(calls.map((call) => call.operationName)).not.toContain('DeleteEvidence');
    await user.click(within(confirmDialog).getByRole('button', { name: messages['evidence.delete'] }));
    await waitFor(() => expect(calls.map((call) => call.operationName)).toContain('DeleteEvidence'));
    expect(calls.find((call) => call.operationName === 'DeleteEvidence')?.variables).toEqual({
      input: { cycleId: 'c1', id: 'd1', reason: 'Nhập nhầm người xử lý', version: 3 },
    });
  });

  it('opens from the people list in a drawer with the cycle to read', async () => {
    let cycle = '';
    const { calls } = renderWithApp(
      <PersonEvidenceDrawer
        personId="p1"
        name="Nguyễn Văn Em"
        cycleId="c1"
        onCycle={(id) => {
          cycle = id;
        }}
        onClose={() => {}}
      />,
      {
        role: 'OFFICER',
        answers: { CyclesList: cyclesAnswer({ status: 'OPEN' }), PersonEvidence: evidence(true) },
      },
    );
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('mot-cua-quy-2.xlsx');
    within(drawer).getByText(say(messages['evidence.drawerTitle'], { name: 'Nguyễn Văn Em' }));
    within(drawer).getByTestId('cycle-select');
    expect(cycle).toBe('');
    expect(calls.find((call) => call.operationName === 'PersonEvidence')?.variables).toEqual({
      cycleId: 'c1',
      personId: 'p1',
    });
  });
});
