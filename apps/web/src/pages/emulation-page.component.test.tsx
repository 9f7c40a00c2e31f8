// The council's ballots as a member and the officer use them: one vote (a double click opens one
// confirmation), "đã bỏ phiếu" afterwards, the recusal reason, a confirmation before closing, and
// the grounds required to approve a proposal.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { cyclesAnswer } from '../test-support/cycles-answer.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { EmulationPage } from './emulation-page.tsx';

const slow = { timeout: 10_000 };

const cycles = cyclesAnswer({ status: 'REVIEW' });

const nomineeAn = {
  __typename: 'Person',
  id: 'x1',
  fullName: 'Nguyễn Văn An',
  code: 'CB007',
  unit: {
    __typename: 'Unit',
    id: 'u7',
    name: 'Phòng Nội vụ',
    parent: { __typename: 'Unit', id: 'u6', name: 'UBND huyện Tân Lập' },
  },
};

const history = {
  data: {
    ratingHistory: [
      {
        __typename: 'RatingHistoryEntry',
        year: 2024,
        rating: 'EXCELLENT',
        titles: ['CSTDCS'],
        unitName: 'Phòng Nội vụ',
      },
      { __typename: 'RatingHistoryEntry', year: 2025, rating: 'GOOD', titles: [], unitName: null },
    ],
  },
};

function emulation(ballot: { hasVoted: number; turnout: number; myRecusal: string | null }) {
  return {
    titleProposals: [
      {
        __typename: 'TitleProposal',
        id: 'p2',
        title: 'LDTT',
        status: 'PROPOSED',
        eligible: true,
        reason: 'Hoàn thành tốt',
        version: 1,
        createdAt: '2026-12-01T00:00:00.000Z',
        needsBallot: false,
        ballotThresholdPercent: null,
        nomineeStanding: null,
        person: {
          __typename: 'Person',
          id: 'x2',
          fullName: 'Phạm Thị Dung',
          code: 'CB042',
          unit: { __typename: 'Unit', id: 'u2', name: 'Văn phòng', parent: null },
        },
        unit: null,
        eligibility: [],
      },
    ],
    councilSessions: [
      {
        __typename: 'CouncilSession',
        id: 's1',
        number: '01/BB',
        heldOn: '2026-12-12',
        quorum: 4,
        status: 'OPEN',
        council: { __typename: 'Council', id: 'k1', name: 'Hội đồng TĐKT tỉnh' },
        ballots: [
          {
            __typename: 'Ballot',
            id: 'b1',
            status: 'OPEN',
            result: null,
            members: 7,
            ...ballot,
            forCount: null,
            againstCount: null,
            abstainCount: null,
            forPercent: null,
            thresholdPercent: 90,
            version: 1,
            proposal: {
              __typename: 'TitleProposal',
              id: 'p1',
              title: 'CSTD_TINH',
              reason: 'Sáng kiến số hóa hồ sơ một cửa',
              needsBallot: true,
              ballotThresholdPercent: 90,
              nomineeStanding: {
                __typename: 'TitleEligibility',
                status: 'ELIGIBLE',
                reasons: ['cần phiếu kín của Hội đồng'],
                citation: 'NĐ 152/2025 Đ8',
              },
              person: nomineeAn,
              unit: null,
              eligibility: [],
            },
            recusals: [],
          },
        ],
      },
    ],
  };
}

/** What the API answers about proposing a title for the results the viewer sees. */
function proposable(may: boolean) {
  return {
    data: {
      results: {
        __typename: 'QueryResultsConnection',
        edges: [
          {
            __typename: 'QueryResultsConnectionEdge',
            node: { __typename: 'EvaluationResult', id: 'r1', viewerCanProposeTitle: may },
          },
        ],
      },
    },
  };
}

describe('the emulation page', () => {
  it('offers to propose a title only when the API says the viewer may, whatever the role', async () => {
    const officer = renderWithApp(<EmulationPage />, {
      role: 'OFFICER',
      answers: {
        CyclesList: cycles,
        Emulation: { data: emulation({ hasVoted: 0, turnout: 3, myRecusal: null }) },
        EmulationProposable: proposable(false),
      },
    });
    await screen.findByText('Phạm Thị Dung');
    await waitFor(() =>
      expect(officer.calls.some((call) => call.operationName === 'EmulationProposable')).toBe(true),
    );
    // the officer may schedule a session, but the API says no proposal from them in this cycle
    expect(screen.getByRole('button', { name: messages['emulation.createSession'] })).toBeTruthy();
    expect(screen.queryByRole('button', { name: messages['emulation.propose'] })).toBeNull();
    officer.unmount();

    renderWithApp(<EmulationPage />, {
      role: 'STAFF',
      answers: {
        CyclesList: cycles,
        Emulation: { data: emulation({ hasVoted: 0, turnout: 3, myRecusal: null }) },
        EmulationProposable: proposable(true),
      },
    });
    expect(await screen.findByRole('button', { name: messages['emulation.propose'] }, slow)).toBeTruthy();
  });

  it('gives focus back to the button that opened the proposal form when it is closed with Escape', async () => {
    const user = userEvent.setup();
    renderWithApp(<EmulationPage />, {
      reducedMotion: true,
      role: 'UNIT_HEAD',
      answers: {
        CyclesList: cycles,
        Emulation: { data: emulation({ hasVoted: 0, turnout: 3, myRecusal: null }) },
        EmulationProposable: proposable(true),
      },
    });
    const opener = await screen.findByRole('button', { name: messages['emulation.propose'] }, slow);
    opener.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(messages['emulation.nominee']);
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('says when the API will not take a proposal for the nominee picked, and the engine’s standing per title', async () => {
    const user = userEvent.setup();
    const people = [
      { ...nomineeAn, id: 'x1', fullName: 'Nguyễn Văn An', code: 'CB007' },
      { ...nomineeAn, id: 'x3', fullName: 'Trần Thị Bình', code: 'CB009' },
    ];
    const { calls } = renderWithApp(<EmulationPage />, {
      role: 'UNIT_HEAD',
      answers: {
        CyclesList: cycles,
        Emulation: { data: emulation({ hasVoted: 0, turnout: 3, myRecusal: null }) },
        EmulationProposable: proposable(true),
        AccountPersonPick: {
          data: {
            people: {
              __typename: 'QueryPeopleConnection',
              edges: people.map((node) => ({ __typename: 'QueryPeopleConnectionEdge', node })),
            },
          },
        },
        ProposalNominee: {
          reply: (variables) => {
            const person = people.find((entry) => entry.fullName === variables.search);
            return {
              results: {
                __typename: 'QueryResultsConnection',
                edges: [
                  {
                    __typename: 'QueryResultsConnectionEdge',
                    node: {
                      __typename: 'EvaluationResult',
                      id: `r-${person?.id}`,
                      // the head's own result: the API says no
                      viewerCanProposeTitle: person?.id !== 'x1',
                      person: { __typename: 'Person', id: person?.id },
                      titleEligibility: [
                        {
                          __typename: 'TitleEligibility',
                          title: 'CSTDCS',
                          status: 'NOT_ELIGIBLE',
                          reasons: ['chưa có sáng kiến được công nhận'],
                        },
                      ],
                    },
                  },
                ],
              },
            };
          },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: messages['emulation.propose'] }, slow));
    const dialog = await screen.findByRole('dialog');
    const picker = within(dialog).getByRole('combobox', { name: messages['emulation.nominee'] });
    const pick = async (name: string) => {
      await user.click(picker);
      await user.clear(picker);
      await user.type(picker, name.split(' ')[0] as string);
      const code = people.find((entry) => entry.fullName === name)?.code ?? '';
      await user.click(await screen.findByText(`· ${code}`, {}, slow));
    };
    await pick('Nguyễn Văn An');
    const refusal = await within(dialog).findByTestId('propose-refused', {}, slow);
    expect(refusal.textContent).toContain('Bạn không được đề nghị danh hiệu cho Nguyễn Văn An');
    const save = within(dialog).getByRole('button', { name: messages['app.save'] });
    expect(save.hasAttribute('disabled')).toBe(true);

    await pick('Trần Thị Bình');
    await waitFor(() => expect(within(dialog).queryByTestId('propose-refused')).toBeNull());
    expect(save.hasAttribute('disabled')).toBe(false);
    await user.click(within(dialog).getByRole('combobox', { name: messages['emulation.title'] }));
    expect(
      await screen.findByText(
        `${messages['titleKind.CSTDCS']} — ${messages['emulation.standing.NOT_ELIGIBLE']}: chưa có sáng kiến được công nhận`,
      ),
    ).toBeTruthy();
    expect(
      calls.filter((call) => call.operationName === 'ProposalNominee').map((call) => call.variables),
    ).toEqual([
      { cycleId: 'c1', search: 'Nguyễn Văn An' },
      { cycleId: 'c1', search: 'Trần Thị Bình' },
    ]);
  });

  it('names the nominee and the session before putting a proposal to a ballot', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<EmulationPage />, {
      role: 'OFFICER',
      answers: {
        CyclesList: cycles,
        Emulation: { data: emulation({ hasVoted: 0, turnout: 3, myRecusal: null }) },
        EmulationProposable: proposable(true),
        OpenBallot: {
          data: {
            openBallot: {
              __typename: 'OpenBallotSuccess',
              data: { __typename: 'Ballot', id: 'b2', status: 'OPEN' },
            },
          },
        },
      },
    });
    const proposal = (await screen.findByText('Phạm Thị Dung')).closest('tr') as HTMLElement;
    await user.click(within(proposal).getByRole('button', { name: messages['emulation.openBallot'] }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm.textContent).toContain('Phạm Thị Dung');
    expect(confirm.textContent).toContain('Hội đồng TĐKT tỉnh · 01/BB · 12/12/2026');
    await user.click(within(confirm).getByRole('button', { name: messages['app.cancel'] }));
    expect(calls.filter((call) => call.operationName === 'OpenBallot')).toHaveLength(0);

    await user.click(within(proposal).getByRole('button', { name: messages['emulation.openBallot'] }));
    // the cancelled confirmation may still be fading out: the new one is the last
    const again = await waitFor(() => {
      const found = screen.getAllByRole('dialog');
      if (found.length < 2) throw new Error('no second confirmation');
      return found[found.length - 1] as HTMLElement;
    });
    await user.click(within(again).getByRole('button', { name: messages['emulation.openBallot'] }));
    await waitFor(() =>
      expect(calls.find((call) => call.operationName === 'OpenBallot')?.variables).toEqual({
        proposalId: 'p2',
        sessionId: 's1',
      }),
    );
  });

  it('lets a member vote once and then says so', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<EmulationPage />, {
      role: 'COUNCIL_MEMBER',
      answers: {
        CyclesList: cycles,
        Emulation: {
          reply: (_variables, call) =>
            emulation(
              call > 1
                ? { hasVoted: 1, turnout: 2, myRecusal: null }
                : { hasVoted: 0, turnout: 1, myRecusal: null },
            ),
        },
        CastVote: {
          data: {
            castVote: {
              __typename: 'CastVoteSuccess',
              data: { __typename: 'Ballot', id: 'b1', hasVoted: 1, version: 1 },
            },
          },
        },
      },
    });
    const row = (await screen.findByText('Nguyễn Văn An')).closest('tr') as HTMLElement;
    expect(within(row).getByText('1/7 thành viên')).toBeTruthy();
    await user.dblClick(within(row).getByRole('button', { name: messages['vote.FOR'] }));
    await waitFor(() => expect(screen.getAllByRole('dialog')).toHaveLength(1));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: messages['app.confirm'] }),
    );
    await screen.findByTestId('ballot-voted');
    expect(calls.filter((call) => call.operationName === 'CastVote')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: messages['vote.FOR'] })).toBeNull();
  });

  it('tells a recused member why, instead of offering the buttons', async () => {
    renderWithApp(<EmulationPage />, {
      role: 'COUNCIL_MEMBER',
      answers: {
        CyclesList: cycles,
        Emulation: {
          data: emulation({ hasVoted: 0, turnout: 0, myRecusal: 'Là người được đề nghị / is the nominee' }),
        },
      },
    });
    const tag = await screen.findByTestId('ballot-recused');
    expect(tag.textContent).toBe('Không tham gia bỏ phiếu: Là người được đề nghị');
  });

  it('asks the officer to confirm closing, and for the grounds of an approval', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<EmulationPage />, {
      role: 'OFFICER',
      answers: {
        CyclesList: cycles,
        Councils: { data: { councils: [] } },
        Emulation: { data: emulation({ hasVoted: 0, turnout: 3, myRecusal: null }) },
        ReviewTitleProposal: {
          data: {
            reviewTitleProposal: {
              __typename: 'ReviewTitleProposalSuccess',
              data: { __typename: 'TitleProposal', id: 'p2', status: 'APPROVED', version: 2 },
            },
          },
        },
      },
    });
    const ballot = (await screen.findByText('Nguyễn Văn An')).closest('tr') as HTMLElement;
    await user.click(within(ballot).getByRole('button', { name: messages['emulation.closeBallot'] }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm.textContent).toContain('3/7 thành viên đã bỏ phiếu');
    await user.click(within(confirm).getByRole('button', { name: messages['app.cancel'] }));
    expect(calls.filter((call) => call.operationName === 'CloseBallot')).toHaveLength(0);

    const proposal = screen.getByText('Phạm Thị Dung').closest('tr') as HTMLElement;
    await user.click(within(proposal).getByRole('button', { name: messages['emulation.approve'] }));
    const dialog = await waitFor(() => {
      const found = screen
        .getAllByRole('dialog')
        .find((element) => element.textContent?.includes('Thông qua đề nghị: Phạm Thị Dung'));
      if (!found) throw new Error('no approval dialog');
      return found;
    });
    await user.click(within(dialog).getByRole('button', { name: messages['emulation.approve'] }));
    await within(dialog).findByText(messages['emulation.groundsRequired']);
    expect(calls.filter((call) => call.operationName === 'ReviewTitleProposal')).toHaveLength(0);
    await user.type(within(dialog).getByRole('textbox'), 'Hoàn thành tốt nhiệm vụ cả năm');
    await user.click(within(dialog).getByRole('button', { name: messages['emulation.approve'] }));
    await waitFor(() =>
      expect(calls.filter((call) => call.operationName === 'ReviewTitleProposal')).toHaveLength(1),
    );
    expect(calls.find((call) => call.operationName === 'ReviewTitleProposal')?.variables).toMatchObject({
      approved: true,
      reason: 'Hoàn thành tốt nhiệm vụ cả năm',
    });
  });

  it('gives a council member what they vote on: code, unit, reason, standing, history and threshold', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<EmulationPage />, {
      role: 'COUNCIL_MEMBER',
      answers: {
        CyclesList: cycles,
        Emulation: { data: emulation({ hasVoted: 0, turnout: 1, myRecusal: null }) },
        ProposalRatingHistory: history,
      },
    });
    const row = (await screen.findByText('Nguyễn Văn An')).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Mã cán bộ CB007 · Phòng Nội vụ (UBND huyện Tân Lập)');
    // the proposals put to the council, read-only: no approval or ballot buttons
    const proposal = screen.getByText('Phạm Thị Dung').closest('tr') as HTMLElement;
    expect(proposal.textContent).toContain('CB042');
    expect(proposal.textContent).toContain(messages['emulation.noBallotNeeded']);
    expect(within(proposal).queryByRole('button', { name: messages['emulation.approve'] })).toBeNull();

    await user.click(within(row).getByRole('button', { name: /expand|mở rộng/i }));
    const details = await screen.findByTestId('proposal-details');
    expect(details.textContent).toContain('Sáng kiến số hóa hồ sơ một cửa');
    expect(details.textContent).toContain('Đủ điều kiện, chờ phiếu kín');
    expect(details.textContent).toContain('cần phiếu kín của Hội đồng');
    expect(details.textContent).toContain('≥ 90% tổng số thành viên Hội đồng tán thành');
    const years = await within(details).findByTestId('rating-history');
    expect(years.textContent).toContain('2024: Hoàn thành xuất sắc nhiệm vụ · CSTDCS');
    expect(years.textContent).toContain('2025: Hoàn thành tốt nhiệm vụ');
    expect(calls.find((call) => call.operationName === 'ProposalRatingHistory')?.variables).toEqual({
      personId: 'x1',
    });
    // nothing about how anyone voted while the ballot is open
    expect(row.textContent).toContain(messages['emulation.secret']);
  });

  it('shows the API’s reason when a vote is refused', async () => {
    const user = userEvent.setup();
    renderWithApp(<EmulationPage />, {
      role: 'COUNCIL_MEMBER',
      answers: {
        CyclesList: cycles,
        Emulation: { data: emulation({ hasVoted: 0, turnout: 1, myRecusal: null }) },
        CastVote: {
          data: {
            castVote: {
              __typename: 'ForbiddenError',
              code: 'FORBIDDEN',
              message:
                'Thành viên không tham gia bỏ phiếu: Là người được đề nghị / is the nominee / recused from this ballot',
            },
          },
        },
      },
    });
    const row = (await screen.findByText('Nguyễn Văn An')).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: messages['vote.FOR'] }));
    const confirm = await screen.findByRole('dialog');
    await user.click(within(confirm).getByRole('button', { name: messages['app.confirm'] }));
    expect(await screen.findByText('Thành viên không tham gia bỏ phiếu: Là người được đề nghị')).toBeTruthy();
    expect(screen.queryByText(/Bạn không có quyền/)).toBeNull();
  });
});
