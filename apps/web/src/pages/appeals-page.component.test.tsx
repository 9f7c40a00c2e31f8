// Appeals as the personnel office decides them and as a member of staff withdraws one: the new
// rating of an upheld appeal is chosen among what the API allows (a refused one says why), and a
// withdrawal names the appeal before it is done. The files the appellant attached are download links.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { cyclesAnswer } from '../test-support/cycles-answer.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { AppealsPage } from './appeals-page.tsx';

const slow = { timeout: 10_000 };

const cycles = cyclesAnswer({ status: 'PUBLISHED' });

function appeal(status: 'SUBMITTED' | 'UNDER_REVIEW') {
  return {
    __typename: 'Appeal',
    id: 'a1',
    status,
    reason: 'Tôi đã hoàn thành vượt mức các nhiệm vụ được giao',
    requested: 'EXCELLENT',
    outcome: null,
    filedAt: '2026-12-02T03:00:00.000Z',
    decidedAt: null,
    version: 1,
    attachments: [
      {
        __typename: 'AppealAttachment',
        id: 'f1',
        fileName: 'Bảng kết quả công việc.pdf',
        size: 1_572_864,
        downloadUrl: '/api/appeals/attachments/f1',
      },
    ],
    decidedBy: null,
    person: {
      __typename: 'Person',
      id: 'x1',
      fullName: 'Nguyễn Văn An',
      unit: { __typename: 'Unit', id: 'u7', name: 'Phòng Nội vụ' },
    },
    result: { __typename: 'EvaluationResult', id: 'r1', finalRating: 'GOOD', score: 86.5 },
  };
}

function choice(rating: string, allowed: boolean) {
  return {
    __typename: 'RatingChoice',
    rating,
    allowed,
    rule: allowed ? null : 'excellentQuota',
    citation: allowed ? null : 'NĐ 335/2025 Đ4',
    reason: allowed ? null : 'Đã đủ 20% chỉ tiêu Hoàn thành xuất sắc của đơn vị',
  };
}

describe('the appeals page', () => {
  it('offers the new rating of an upheld appeal among the API’s choices, a refused one with its reason', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<AppealsPage />, {
      role: 'OFFICER',
      answers: {
        CyclesList: cycles,
        Appeals: {
          data: {
            appeals: {
              __typename: 'QueryAppealsConnection',
              totalCount: 1,
              edges: [{ __typename: 'QueryAppealsConnectionEdge', node: appeal('UNDER_REVIEW') }],
            },
          },
        },
        AppealRatingChoices: {
          data: {
            node: {
              __typename: 'EvaluationResult',
              id: 'r1',
              ratingChoices: [
                choice('EXCELLENT', false),
                choice('GOOD', true),
                choice('COMPLETED', true),
                choice('NOT_COMPLETED', true),
              ],
            },
          },
        },
      },
    });
    const row = (await screen.findByText('Nguyễn Văn An', {}, slow)).closest('tr') as HTMLElement;
    // the appellant's file is a download link in the row and in the decision dialog
    const link = within(row).getByRole('link', { name: 'Bảng kết quả công việc.pdf (1,5 MB)' });
    expect(link.getAttribute('href')).toBe('/api/appeals/attachments/f1');
    await user.click(within(row).getByRole('button', { name: messages['appeals.decide'] }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('link', { name: /Bảng kết quả công việc\.pdf/ })).toBeTruthy();
    await waitFor(() =>
      expect(calls.find((call) => call.operationName === 'AppealRatingChoices')?.variables).toEqual({
        resultId: 'r1',
      }),
    );
    await user.click(within(dialog).getByRole('combobox', { name: messages['appeals.newRating'] }));
    await screen.findAllByRole('option');
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(3));
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((option) => ({
      label: option.textContent,
      disabled: option.classList.contains('ant-select-item-option-disabled'),
    }));
    expect(offered).toEqual([
      {
        label: `${messages['rating.EXCELLENT']} — Không được chọn: Đã đủ 20% chỉ tiêu Hoàn thành xuất sắc của đơn vị (NĐ 335/2025 Đ4)`,
        disabled: true,
      },
      { label: messages['rating.COMPLETED'], disabled: false },
      { label: messages['rating.NOT_COMPLETED'], disabled: false },
    ]);
  });

  it('names the appeal before a member of staff withdraws it', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<AppealsPage />, {
      role: 'STAFF',
      answers: {
        CyclesList: cycles,
        MyAppeals: { data: { myAppeals: [appeal('SUBMITTED')] } },
      },
    });
    const row = (await screen.findByText(messages['rating.GOOD'], {}, slow)).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: messages['appeals.withdraw'] }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm.textContent).toContain('về xếp loại “Hoàn thành tốt nhiệm vụ”');
    await user.click(within(confirm).getByRole('button', { name: messages['app.cancel'] }));
    expect(calls.filter((call) => call.operationName === 'WithdrawAppeal')).toHaveLength(0);
  });
});
