// Escape closes the emulation page's dialogs and gives focus back to the button that opened them,
// not to the page's body (each dialog is unmounted at once, before Ant Design's own focus return).
// Rendered without animations, as for a user who asked for reduced motion: jsdom never ends a
// transition, so an animated dialog would not take focus in the first place.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../../i18n/vi.ts';
import { EmulationPage } from '../../pages/emulation-page.tsx';
import { cyclesAnswer } from '../../test-support/cycles-answer.ts';
import { type Answer, renderWithApp } from '../../test-support/render-with-app.tsx';
import { titleProposalAnswer } from '../../test-support/title-proposal-answer.ts';

const slow = { timeout: 10_000 };

const proposal = titleProposalAnswer();

const answers: Record<string, Answer> = {
  CyclesList: cyclesAnswer({ status: 'REVIEW' }),
  Emulation: { data: { titleProposals: [proposal], councilSessions: [] } },
  EmulationProposable: {
    data: {
      results: {
        __typename: 'QueryResultsConnection',
        edges: [
          {
            __typename: 'QueryResultsConnectionEdge',
            node: { __typename: 'EvaluationResult', id: 'r1', viewerCanProposeTitle: true },
          },
        ],
      },
    },
  },
  Councils: {
    data: { councils: [{ __typename: 'Council', id: 'k1', name: 'Hội đồng TĐKT tỉnh' }] },
  },
  TitleCandidates: {
    data: {
      titleCandidates: {
        __typename: 'QueryTitleCandidatesConnection',
        pageInfo: { __typename: 'PageInfo', hasNextPage: false },
        edges: [],
      },
    },
  },
  UnitTree: { data: { units: [] } },
};

/** Opens a dialog from its button with the keyboard, closes it with Escape, and checks where focus went. */
async function escapeGivesFocusBack(opener: HTMLElement, heading: string) {
  const user = userEvent.setup();
  opener.focus();
  await user.keyboard('{Enter}');
  const dialog = await screen.findByRole('dialog', {}, slow);
  expect(within(dialog).getByText(heading)).toBeTruthy();
  await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  await waitFor(() => expect(document.activeElement).toBe(opener));
  expect(document.activeElement).not.toBe(document.body);
}

describe('the emulation page’s dialogs closed with Escape', () => {
  it('gives focus back to the bulk proposal button', async () => {
    renderWithApp(<EmulationPage />, { role: 'UNIT_HEAD', answers, reducedMotion: true });
    const opener = await screen.findByRole('button', { name: messages['emulation.bulkPropose'] }, slow);
    await escapeGivesFocusBack(opener, messages['emulation.bulkHeading']);
  });

  it('gives focus back to the button that schedules a council session', async () => {
    renderWithApp(<EmulationPage />, { role: 'OFFICER', answers, reducedMotion: true });
    const opener = await screen.findByRole('button', { name: messages['emulation.createSession'] }, slow);
    await escapeGivesFocusBack(opener, messages['emulation.council']);
  });

  it('gives focus back to the approve button of the proposal reviewed', async () => {
    renderWithApp(<EmulationPage />, { role: 'OFFICER', answers, reducedMotion: true });
    const row = (await screen.findByText('Phạm Thị Dung', {}, slow)).closest('tr') as HTMLElement;
    const opener = within(row).getByRole('button', { name: messages['emulation.approve'] });
    await escapeGivesFocusBack(opener, messages['emulation.grounds']);
  });
});
