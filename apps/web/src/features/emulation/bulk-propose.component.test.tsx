// The work tools of the emulation page for several nominees at once and for units: a bulk proposal
// from the engine's eligible list (search without diacritics, the selection kept while searching,
// a confirmation naming the count and the title, the outcome naming each person refused and why,
// long selections sent in parts), a unit proposed for a collective title, and a title the engine
// has no rule for shown as having no mandatory criteria.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../../i18n/vi.ts';
import { EmulationPage } from '../../pages/emulation-page.tsx';
import { cyclesAnswer } from '../../test-support/cycles-answer.ts';
import { type Answer, renderWithApp } from '../../test-support/render-with-app.tsx';
import { titleProposalAnswer } from '../../test-support/title-proposal-answer.ts';

const slow = { timeout: 10_000 };

const cycles = cyclesAnswer({ status: 'REVIEW' });

const division = {
  __typename: 'Unit',
  id: 'u7',
  name: 'Phòng Nội vụ',
  parent: { __typename: 'Unit', id: 'u6', name: 'UBND huyện Tân Lập' },
};

const emptyPage = { data: { titleProposals: [titleProposalAnswer({})], councilSessions: [] } };

const proposable = {
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
};

const unitTree = {
  data: {
    units: [
      {
        __typename: 'Unit',
        id: 'u6',
        code: 'H1',
        name: 'UBND huyện Tân Lập',
        kind: 'DISTRICT',
        parent: null,
      },
      {
        __typename: 'Unit',
        id: 'u7',
        code: 'H1-NV',
        name: 'Phòng Nội vụ',
        kind: 'DIVISION',
        parent: { __typename: 'Unit', id: 'u6' },
      },
    ],
  },
};

type Person = { id: string; fullName: string; code: string; may?: boolean };

function candidate(person: Person, title: string) {
  return {
    __typename: 'QueryTitleCandidatesConnectionEdge',
    node: {
      __typename: 'EvaluationResult',
      id: `r-${person.id}`,
      viewerCanProposeTitle: person.may ?? true,
      person: {
        __typename: 'Person',
        id: person.id,
        fullName: person.fullName,
        code: person.code,
        unit: division,
      },
      // the engine has an entry for every title it has a rule for (none for Giấy khen)
      titleEligibility:
        title === 'GIAY_KHEN' ? [] : [{ __typename: 'TitleEligibility', title, status: 'GRANTED' }],
    },
  };
}

/** The API's eligible list: the people given, searched without diacritics as the API does. */
function candidates(people: Person[]): Answer {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
  return {
    reply: (variables) => {
      const search = typeof variables.search === 'string' ? fold(variables.search) : '';
      const found = people.filter((person) => fold(person.fullName).includes(search));
      return {
        titleCandidates: {
          __typename: 'QueryTitleCandidatesConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: false },
          edges: found.map((person) => candidate(person, String(variables.title))),
        },
      };
    },
  };
}

const an: Person = { id: 'x1', fullName: 'Nguyễn Văn An', code: 'CB007' };
const binh: Person = { id: 'x3', fullName: 'Trần Thị Bình', code: 'CB009' };
const cuong: Person = { id: 'x4', fullName: 'Lê Văn Cường', code: 'CB011', may: false };

async function chooseOption(user: ReturnType<typeof userEvent.setup>, combobox: HTMLElement, label: string) {
  await user.click(combobox);
  const options = await screen.findAllByText(label, { selector: '.ant-select-item-option-content' }, slow);
  await user.click(options[options.length - 1] as HTMLElement);
}

describe('bulk and collective title proposals', () => {
  it('proposes the people chosen from the eligible list and names each one refused, with the reason', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<EmulationPage />, {
      role: 'UNIT_HEAD',
      answers: {
        CyclesList: cycles,
        Emulation: emptyPage,
        EmulationProposable: proposable,
        UnitTree: unitTree,
        TitleCandidates: candidates([an, binh, cuong]),
        ProposeTitles: {
          data: {
            proposeTitles: {
              __typename: 'ProposeTitlesSuccess',
              data: {
                __typename: 'ProposeTitlesOutcome',
                proposedCount: 1,
                refused: [
                  {
                    __typename: 'RefusedProposal',
                    personId: 'x3',
                    code: 'RULE_VIOLATION',
                    message:
                      'Không đủ điều kiện Chiến sĩ thi đua cơ sở: chưa có sáng kiến được công nhận (title.cstdcs) / not eligible for CSTDCS',
                    person: { __typename: 'Person', id: 'x3', fullName: 'Trần Thị Bình' },
                  },
                ],
              },
            },
          },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: messages['emulation.bulkPropose'] }, slow));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Nguyễn Văn An', {}, slow);
    await chooseOption(
      user,
      within(dialog).getByRole('combobox', { name: messages['emulation.title'] }),
      messages['titleKind.CSTDCS'],
    );
    await waitFor(() =>
      expect(
        calls.some((call) => call.operationName === 'TitleCandidates' && call.variables.title === 'CSTDCS'),
      ).toBe(true),
    );
    expect(
      (await within(dialog).findAllByText(messages['emulation.standing.GRANTED'], {}, slow)).length,
    ).toBe(3);
    // someone the API says the head may not propose cannot be chosen
    expect(within(dialog).getByRole('checkbox', { name: 'Lê Văn Cường' }).hasAttribute('disabled')).toBe(
      true,
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Nguyễn Văn An' }));

    // typed without diacritics; An stays chosen while the list shows Bình only
    await user.type(
      within(dialog).getByRole('searchbox', { name: messages['emulation.bulkSearch'] }),
      'tran thi binh',
    );
    await waitFor(() => expect(within(dialog).queryByText('Nguyễn Văn An')).toBeNull(), slow);
    expect(calls.filter((call) => call.operationName === 'TitleCandidates').at(-1)?.variables.search).toBe(
      'tran thi binh',
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Trần Thị Bình' }));
    expect(within(dialog).getByTestId('bulk-selected').textContent).toBe('Đã chọn 2 người');
    await user.type(
      within(dialog).getByLabelText(messages['emulation.reason']),
      'Theo danh sách đủ điều kiện',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Đề nghị 2 người' }));
    // the confirmation names the count and the title; nothing is sent before it
    expect(
      (await screen.findAllByText('Đề nghị danh hiệu Chiến sĩ thi đua cơ sở cho 2 người?')).length,
    ).toBeGreaterThan(0);
    expect(calls.some((call) => call.operationName === 'ProposeTitles')).toBe(false);
    await user.click(screen.getByRole('button', { name: messages['app.confirm'] }));

    const outcome = await screen.findByTestId('bulk-outcome', {}, slow);
    expect(outcome.textContent).toContain('Đã đề nghị danh hiệu Chiến sĩ thi đua cơ sở cho 1 người.');
    expect(outcome.textContent).toContain('Không đề nghị được 1 người:');
    expect(within(outcome).getByTestId('bulk-refused').textContent).toBe(
      'Trần Thị Bình: Không đủ điều kiện Chiến sĩ thi đua cơ sở: chưa có sáng kiến được công nhận (title.cstdcs)',
    );
    expect(
      calls.filter((call) => call.operationName === 'ProposeTitles').map((call) => call.variables),
    ).toEqual([
      { cycleId: 'c1', title: 'CSTDCS', personIds: ['x1', 'x3'], reason: 'Theo danh sách đủ điều kiện' },
    ]);
  });

  it('sends a long selection in parts of 100 and adds up what they did', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 150 }, (_, index) => ({
      id: `m${index}`,
      fullName: `Cán bộ ${String(index).padStart(3, '0')}`,
      code: `CB${index}`,
    }));
    const { calls } = renderWithApp(<EmulationPage />, {
      role: 'OFFICER',
      answers: {
        CyclesList: cycles,
        Emulation: emptyPage,
        EmulationProposable: proposable,
        UnitTree: unitTree,
        TitleCandidates: candidates(many),
        ProposeTitles: {
          reply: (variables) => ({
            proposeTitles: {
              __typename: 'ProposeTitlesSuccess',
              data: {
                __typename: 'ProposeTitlesOutcome',
                proposedCount: (variables.personIds as string[]).length,
                refused: [],
              },
            },
          }),
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: messages['emulation.bulkPropose'] }, slow));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Cán bộ 000', {}, slow);
    // the header's box chooses every row listed
    await user.click(within(dialog).getAllByRole('checkbox')[0] as HTMLElement);
    expect(within(dialog).getByTestId('bulk-selected').textContent).toBe('Đã chọn 150 người');
    await user.click(within(dialog).getByRole('button', { name: 'Đề nghị 150 người' }));
    expect(
      (await screen.findAllByText('Đề nghị danh hiệu Lao động tiên tiến cho 150 người?')).length,
    ).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: messages['app.confirm'] }));
    const outcome = await screen.findByTestId('bulk-outcome', {}, slow);
    expect(outcome.textContent).toContain('Đã đề nghị danh hiệu Lao động tiên tiến cho 150 người.');
    expect(
      calls
        .filter((call) => call.operationName === 'ProposeTitles')
        .map((call) => (call.variables.personIds as string[]).length),
    ).toEqual([100, 50]);
  });

  it('proposes a unit for a collective title, chosen in the unit tree', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<EmulationPage />, {
      role: 'UNIT_HEAD',
      answers: {
        CyclesList: cycles,
        Emulation: emptyPage,
        EmulationProposable: proposable,
        UnitTree: unitTree,
        ProposeTitle: {
          data: {
            proposeTitle: {
              __typename: 'ProposeTitleSuccess',
              data: { __typename: 'TitleProposal', id: 'p9', status: 'PROPOSED', eligible: true },
            },
          },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: messages['emulation.propose'] }, slow));
    const dialog = await screen.findByRole('dialog');
    // the choice is a button-styled radio: its visible label takes the click
    await user.click(within(dialog).getByText(messages['emulation.collective']));
    expect(within(dialog).getByRole('radio', { name: messages['emulation.collective'] })).toHaveProperty(
      'checked',
      true,
    );
    const unit = within(dialog).getByRole('combobox', { name: messages['emulation.nomineeUnit'] });
    await user.click(unit);
    await user.click(await screen.findByTitle('Phòng Nội vụ', {}, slow));
    await chooseOption(
      user,
      within(dialog).getByRole('combobox', { name: messages['emulation.title'] }),
      messages['titleKind.TAP_THE_LDTT'],
    );
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    await waitFor(() => expect(calls.some((call) => call.operationName === 'ProposeTitle')).toBe(true), slow);
    expect(calls.find((call) => call.operationName === 'ProposeTitle')?.variables).toEqual({
      cycleId: 'c1',
      personId: null,
      unitId: 'u7',
      title: 'TAP_THE_LDTT',
      reason: null,
    });
  });

  it('says a Giấy khen has no mandatory criteria instead of calling it eligible or not', async () => {
    renderWithApp(<EmulationPage />, {
      role: 'OFFICER',
      answers: {
        CyclesList: cycles,
        Emulation: {
          data: {
            titleProposals: [
              titleProposalAnswer({ id: 'p5', title: 'GIAY_KHEN', eligible: false, hasCriteria: false }),
            ],
            councilSessions: [],
          },
        },
        EmulationProposable: proposable,
      },
    });
    const row = (await screen.findByText('Phạm Thị Dung', {}, slow)).closest('tr') as HTMLElement;
    expect(within(row).getByText(messages['emulation.noCriteria'])).toBeTruthy();
    expect(within(row).queryByText(messages['app.no'])).toBeNull();
  });
});
