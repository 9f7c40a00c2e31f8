// The block ranking as a unit head sees it: every unit of his block with its rank and unit score,
// a peer named with its parent (two units may share a name) and marked as a peer; only his own
// unit opens onto its people.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { cyclesAnswer } from '../test-support/cycles-answer.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { RankingsPage } from './rankings-page.tsx';

const slow = { timeout: 10_000 };

const block = { __typename: 'EmulationBlock', id: 'b1', name: 'Khối các sở' };
const province = { __typename: 'Unit', id: 'u0', name: 'UBND tỉnh' };

function unitRow(options: {
  id: string;
  name: string;
  parent: { id: string; name: string };
  rank: number;
  score: number;
  inScope: boolean;
}) {
  return {
    __typename: 'UnitResult',
    id: `ur-${options.id}`,
    blockRank: options.rank,
    unitScore: options.score,
    inScope: options.inScope,
    collectiveTitles: [],
    excellentAllowed: 2,
    excellentEligible: 3,
    excellentGranted: 2,
    unit: {
      __typename: 'Unit',
      id: options.id,
      name: options.name,
      parent: { __typename: 'Unit', ...options.parent },
      peopleCount: 12,
      block,
    },
  };
}

describe('the rankings page', () => {
  it('shows the head the peers of his block with their rank and unit score, and only his unit’s people', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<RankingsPage />, {
      role: 'UNIT_HEAD',
      answers: {
        CyclesList: cyclesAnswer({ status: 'PUBLISHED' }),
        BlockRankings: {
          data: {
            blockRankings: [
              unitRow({
                id: 'u2',
                name: 'Văn phòng',
                parent: { id: 'u9', name: 'Sở Y tế' },
                rank: 1,
                score: 92.46,
                inScope: false,
              }),
              unitRow({
                id: 'u1',
                name: 'Sở Tài nguyên và Môi trường',
                parent: province,
                rank: 2,
                score: 88.5,
                inScope: true,
              }),
            ],
          },
        },
        UnitRanking: {
          data: {
            ranking: [
              {
                __typename: 'RankedResult',
                rank: 1,
                result: {
                  __typename: 'EvaluationResult',
                  id: 'r1',
                  score: 90,
                  finalRating: 'GOOD',
                  titles: [],
                  person: { __typename: 'Person', id: 'p1', fullName: 'Nguyễn Văn An' },
                  unit: { __typename: 'Unit', id: 'u1', name: 'Sở Tài nguyên và Môi trường' },
                },
              },
            ],
          },
        },
      },
    });
    const peer = (await screen.findByText('Văn phòng (Sở Y tế)', {}, slow)).closest('tr') as HTMLElement;
    expect(within(peer).getByText(messages['rankings.peer'])).toBeTruthy();
    expect(within(peer).getByText('92,5')).toBeTruthy();
    expect(within(peer).getByText('1')).toBeTruthy();
    const own = screen.getByRole('button', { name: 'Sở Tài nguyên và Môi trường (UBND tỉnh)' }).closest('tr');
    expect(within(own as HTMLElement).getByText('88,5')).toBeTruthy();
    // the peer opens nothing: its people are not the head's to read
    await user.click(peer);
    expect(screen.getByText(messages['rankings.pickUnit'])).toBeTruthy();
    expect(calls.some((call) => call.operationName === 'UnitRanking')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Sở Tài nguyên và Môi trường (UBND tỉnh)' }));
    await waitFor(() =>
      expect(calls.find((call) => call.operationName === 'UnitRanking')?.variables).toMatchObject({
        unitId: 'u1',
      }),
    );
    expect(await screen.findByText('Nguyễn Văn An')).toBeTruthy();
  });
});
