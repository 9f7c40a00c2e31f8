// A member of staff's own result as they see it once published: the appeal form offers to ask for
// a rating other than the one they have (the API refuses to be asked for the current one), and
// takes the files that back the appeal.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { setCsrfToken } from '../lib/csrf-token.ts';
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

const limits = {
  data: {
    appealAttachmentLimits: {
      __typename: 'AppealAttachmentLimits',
      maxFiles: 5,
      maxFileBytes: 5 * 1024 * 1024,
      maxTotalBytes: 20 * 1024 * 1024,
      contentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
      extensions: ['pdf', 'jpg', 'jpeg', 'png'],
    },
  },
};

describe('my result page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('offers in the appeal only ratings other than the one the person has', async () => {
    const user = userEvent.setup();
    renderWithApp(<MyResultPage />, {
      role: 'STAFF',
      answers: { CyclesList: cycles, MyResultPage: myResult, AppealAttachmentLimits: limits },
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

  it('sends the files chosen with the appeal it files, and refuses a file of another kind by name', async () => {
    const sent: { url: string; names: string[]; csrf: string | null }[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const form = init?.body as FormData;
      sent.push({
        url: String(input),
        names: form.getAll('files').map((file) => (file as File).name),
        csrf: new Headers(init?.headers).get('x-csrf-token'),
      });
      return new Response(JSON.stringify({ attachments: [] }), { status: 201 });
    });
    setCsrfToken('csrf-of-the-session');
    // the picker is not limited to the accepted kinds here: someone may pick "all files"
    const user = userEvent.setup({ applyAccept: false });
    const filed: Record<string, unknown>[] = [];
    renderWithApp(<MyResultPage />, {
      role: 'STAFF',
      answers: {
        CyclesList: cycles,
        MyResultPage: myResult,
        AppealAttachmentLimits: limits,
        FileAppealPage: {
          reply: (variables) => {
            filed.push(variables);
            return {
              fileAppeal: {
                __typename: 'FileAppealSuccess',
                data: { __typename: 'Appeal', id: 'appeal-1', status: 'SUBMITTED', version: 1 },
              },
            };
          },
        },
      },
    });
    const appeal = await screen.findByTestId('appeal', {}, slow);
    await within(appeal).findByText(/Tối đa 5 tệp PDF, JPEG hoặc PNG, mỗi tệp đến 5 MB/, {}, slow);
    // the control makes a new input after each choice
    const input = () => appeal.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input(), new File(['<html></html>'], 'trang.html', { type: 'text/html' }));
    expect(
      await within(appeal).findByText(messages['appeal.attachmentType'].replace('{name}', 'trang.html')),
    ).toBeTruthy();
    await user.upload(input(), new File(['%PDF-1.7'], 'bien-ban-hop.pdf', { type: 'application/pdf' }));
    expect(await within(appeal).findByText('bien-ban-hop.pdf')).toBeTruthy();
    expect(within(appeal).queryByText('trang.html')).toBeNull();
    await user.type(
      within(appeal).getByRole('textbox', { name: messages['appeal.reason'] }),
      'Tôi đã hoàn thành vượt mức các nhiệm vụ được giao',
    );
    await user.click(within(appeal).getByRole('button', { name: messages['appeal.file'] }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: messages['appeal.file'] }));
    await waitFor(() => expect(sent).toHaveLength(1), slow);
    expect(filed[0]?.reason).toBe('Tôi đã hoàn thành vượt mức các nhiệm vụ được giao');
    expect(sent[0]).toEqual({
      url: '/api/appeals/appeal-1/attachments',
      names: ['bien-ban-hop.pdf'],
      csrf: 'csrf-of-the-session',
    });
    setCsrfToken(null);
  });

  it('lists the files of an open appeal and sends one more chosen with "attach more files"', async () => {
    const sent: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const form = init?.body as FormData;
      sent.push(`${String(input)} ${form.getAll('files').map((file) => (file as File).name)}`);
      return new Response(JSON.stringify({ attachments: [] }), { status: 201 });
    });
    const user = userEvent.setup();
    const pending = structuredClone(myResult);
    Object.assign(pending.data, {
      myAppeals: [
        {
          __typename: 'Appeal',
          id: 'appeal-1',
          status: 'SUBMITTED',
          reason: 'Tôi đã hoàn thành vượt mức các nhiệm vụ được giao',
          requested: 'EXCELLENT',
          outcome: null,
          filedAt: new Date().toISOString(),
          decidedAt: null,
          version: 1,
          attachments: [
            {
              __typename: 'AppealAttachment',
              id: 'f1',
              fileName: 'xac-nhan.png',
              size: 524_288,
              downloadUrl: '/api/appeals/attachments/f1',
            },
          ],
        },
      ],
    });
    renderWithApp(<MyResultPage />, {
      role: 'STAFF',
      answers: { CyclesList: cycles, MyResultPage: pending, AppealAttachmentLimits: limits },
    });
    const appeal = await screen.findByTestId('appeal', {}, slow);
    const link = await within(appeal).findByRole('link', { name: 'xac-nhan.png (0,5 MB)' }, slow);
    expect(link.getAttribute('href')).toBe('/api/appeals/attachments/f1');
    await within(appeal).findByRole('button', { name: messages['appeal.addFiles'] }, slow);
    const input = appeal.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['%PDF-1.7'], 'bang-diem.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(sent).toEqual(['/api/appeals/appeal-1/attachments bang-diem.pdf']), slow);
  });
});
