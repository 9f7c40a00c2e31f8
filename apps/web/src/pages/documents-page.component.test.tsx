// The officer's "Văn bản" screen: the register of the cycle's issued documents, a confirmation
// (number taken, signed, not undoable) before anything is issued, the API's refusal by field, the
// verdict on an uploaded signed PDF in plain Vietnamese, and the national export's due dates.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { setCsrfToken } from '../lib/csrf-token.ts';
import { formatDateTime } from '../lib/format.ts';
import { cyclesAnswer } from '../test-support/cycles-answer.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { DocumentsPage } from './documents-page.tsx';

const cycles = cyclesAnswer({ status: 'PUBLISHED', publishedAt: '2026-12-01T00:00:00.000Z' });

const issuedRow = {
  __typename: 'IssuedDocument',
  id: 'd1',
  kind: 'RATING_DECISION',
  number: '12/QĐ-UBND',
  issuedOn: '2026-12-02T00:00:00.000Z',
  title: 'Về việc công nhận kết quả đánh giá, xếp loại chất lượng năm 2026',
  sha256: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
  signerName: 'Trần Văn Bình',
  certificateSubject: 'CN=Trần Văn Bình',
  signedAt: '2026-12-02T02:30:00.000Z',
  downloadUrl: '/api/documents/issued/d1.pdf',
};

function issued(rows: unknown[]) {
  return { issuedDocuments: rows, titleDecisions: [] };
}

const national = {
  data: {
    nationalExports: [
      {
        __typename: 'NationalExport',
        id: 'e1',
        format: 'json',
        fileName: 'csdl-quoc-gia-2026.json',
        sha256: '99887766554433221100aabbccddeeff99887766554433221100aabbccddeeff',
        bytes: 2048,
        records: 41,
        decidedUntil: '2026-12-01T00:00:00.000Z',
        dueOn: '2026-12-04T00:00:00.000Z',
        createdByName: 'Lê Thị Cán',
        createdAt: '2026-12-02T03:00:00.000Z',
      },
    ],
    nationalExportDeadlines: [
      {
        __typename: 'NationalExportDeadline',
        cycleId: 'c0',
        cycleName: 'Năm 2025',
        year: 2025,
        decidedUntil: '2025-12-20T00:00:00.000Z',
        dueOn: '2025-12-25T00:00:00.000Z',
        lastSentAt: null,
        lastSha256: null,
        status: 'OVERDUE',
      },
      {
        __typename: 'NationalExportDeadline',
        cycleId: 'c1',
        cycleName: 'Năm 2026',
        year: 2026,
        decidedUntil: '2026-12-01T00:00:00.000Z',
        dueOn: '2026-12-04T00:00:00.000Z',
        lastSentAt: '2026-12-02T03:00:00.000Z',
        lastSha256: '99887766554433221100aabbccddeeff99887766554433221100aabbccddeeff',
        status: 'SENT',
      },
    ],
  },
};

type RestCall = { url: string; method: string; csrf: string | null };

/** The REST side of /api/documents as the API answers it; the calls are kept. */
function stubRest(answer: (call: RestCall) => Response): RestCall[] {
  const calls: RestCall[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = {
      url: String(input),
      method: init?.method ?? 'GET',
      csrf: new Headers(init?.headers).get('x-csrf-token'),
    };
    calls.push(call);
    return answer(call);
  });
  return calls;
}

// a shared machine renders Ant Design's tables slowly the first time
const slow = { timeout: 15_000 };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => setCsrfToken('csrf-1'));
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the documents page', () => {
  it('lists the issued documents of the cycle with their number, kind, signer and checksum', async () => {
    renderWithApp(<DocumentsPage />, {
      role: 'OFFICER',
      url: '/documents?cycle=c1',
      answers: {
        CyclesList: cycles,
        IssuedDocuments: { data: issued([issuedRow]) },
        NationalExports: national,
      },
    });
    const row = (await screen.findByText('12/QĐ-UBND', {}, slow)).closest('tr') as HTMLElement;
    expect(within(row).getByText(messages['documentKind.RATING_DECISION'])).toBeTruthy();
    expect(within(row).getByText('02/12/2026')).toBeTruthy();
    expect(within(row).getByText('Trần Văn Bình')).toBeTruthy();
    expect(within(row).getByText('ab12cd34ef56')).toBeTruthy();
    const link = within(row).getByRole('link', { name: `${messages['documents.download']} 12/QĐ-UBND` });
    expect(link.getAttribute('href')).toBe('/api/documents/issued/d1.pdf');
  });

  it('asks before issuing — number taken, signed, not undoable — and then lists the new document', async () => {
    const user = userEvent.setup();
    const rest = stubRest(
      () =>
        new Response('%PDF-1.7', {
          status: 200,
          headers: {
            'content-type': 'application/pdf',
            'x-document-id': 'd2',
            'x-document-number': encodeURIComponent('13/QĐ-UBND'),
            'x-document-sha256': 'ff'.repeat(32),
          },
        }),
    );
    const { calls } = renderWithApp(<DocumentsPage />, {
      role: 'OFFICER',
      url: '/documents?cycle=c1',
      answers: {
        CyclesList: cycles,
        IssuedDocuments: {
          reply: (_variables, call) =>
            issued(
              call > 1
                ? [{ ...issuedRow, id: 'd2', number: '13/QĐ-UBND', sha256: 'ff'.repeat(32) }, issuedRow]
                : [issuedRow],
            ),
        },
        NationalExports: national,
      },
    });
    await screen.findByText('12/QĐ-UBND', {}, slow);
    await user.click(screen.getByRole('button', { name: messages['documents.issue.RATING_DECISION'] }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(messages['documents.issue.notUndoable'])).toBeTruthy();
    expect(within(dialog).getByText(messages['documents.issue.confirmBody'])).toBeTruthy();
    expect(dialog.textContent).toContain('đã ban hành văn bản loại này (số 12/QĐ-UBND)');
    // nothing is issued before the officer confirms
    expect(rest).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: messages['documents.issue.ok'] }));
    await screen.findByText('Đã ban hành văn bản số 13/QĐ-UBND.');
    expect(rest).toEqual([
      { url: '/api/documents/issue?kind=RATING_DECISION&cycleId=c1', method: 'POST', csrf: 'csrf-1' },
    ]);
    await screen.findByText('13/QĐ-UBND');
    expect(calls.filter((call) => call.operationName === 'IssuedDocuments').length).toBeGreaterThan(1);
  });

  it('issues an emulation decision under its own number, naming it in the confirmation', async () => {
    const user = userEvent.setup();
    const rest = stubRest(
      () =>
        new Response('%PDF-1.7', {
          status: 200,
          headers: { 'x-document-id': 'd3', 'x-document-number': encodeURIComponent('05/QĐ-UBND') },
        }),
    );
    renderWithApp(<DocumentsPage />, {
      role: 'OFFICER',
      url: '/documents?cycle=c1',
      answers: {
        CyclesList: cycles,
        IssuedDocuments: {
          data: {
            issuedDocuments: [],
            titleDecisions: [
              {
                __typename: 'TitleDecision',
                id: 't5',
                kind: 'AWARD',
                number: '05/QĐ-UBND',
                decidedOn: '2026-12-03',
              },
            ],
          },
        },
        NationalExports: national,
      },
    });
    await screen.findByText(messages['documents.issued.empty'], {}, slow);
    await user.click(screen.getByRole('combobox', { name: messages['documents.issue.decision'] }));
    await user.click(await screen.findByText('05/QĐ-UBND · 03/12/2026'));
    await user.click(screen.getByRole('button', { name: messages['documents.issue.TITLE_DECISION'] }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Quyết định số 05/QĐ-UBND sẽ được ký số ngay');
    expect(dialog.textContent).toContain(messages['documents.issue.notUndoable']);
    await user.click(within(dialog).getByRole('button', { name: messages['documents.issue.ok'] }));
    await screen.findByText('Đã ban hành văn bản số 05/QĐ-UBND.');
    expect(rest[0]?.url).toBe('/api/documents/issue?kind=TITLE_DECISION&cycleId=c1&decisionId=t5');
  });

  it('gives focus back to the issue button when its confirmation is closed with Escape', async () => {
    const user = userEvent.setup();
    const rest = stubRest(() => json(500, {}));
    renderWithApp(<DocumentsPage />, {
      role: 'OFFICER',
      url: '/documents?cycle=c1',
      answers: { CyclesList: cycles, IssuedDocuments: { data: issued([]) }, NationalExports: national },
      reducedMotion: true,
    });
    await screen.findByText(messages['documents.issued.empty'], {}, slow);
    const opener = screen.getByRole('button', { name: messages['documents.issue.CYCLE_REPORT'] });
    opener.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(rest).toHaveLength(0);
  });

  it('shows the refusal the API gives, by field', async () => {
    const user = userEvent.setup();
    stubRest(() =>
      json(400, {
        error: 'cycleId: Mã Cycle không hợp lệ / not an id of a Cycle',
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'cycleId', message: 'Mã Cycle không hợp lệ / not an id of a Cycle' }],
      }),
    );
    renderWithApp(<DocumentsPage />, {
      role: 'OFFICER',
      url: '/documents?cycle=c1',
      answers: { CyclesList: cycles, IssuedDocuments: { data: issued([]) }, NationalExports: national },
    });
    await screen.findByText(messages['documents.issued.empty'], {}, slow);
    await user.click(screen.getByRole('button', { name: messages['documents.issue.CYCLE_REPORT'] }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: messages['documents.issue.ok'] }));
    const alert = await screen.findByTestId('issue-refused');
    expect(alert.textContent).toContain(messages['documents.issue.refused']);
    expect(alert.textContent).toContain('Kỳ đánh giá: Mã Cycle không hợp lệ');
    expect(alert.textContent).not.toContain('not an id');
  });

  it('says in plain Vietnamese who signed an uploaded PDF, when, and that it is unchanged', async () => {
    const user = userEvent.setup();
    const rest = stubRest(() =>
      json(200, {
        signed: true,
        valid: true,
        coversWholeFile: true,
        signerName: 'Trần Văn Bình',
        subject: 'CN=Trần Văn Bình, O=UBND tỉnh',
        issuer: 'CN=CA chuyên dùng Chính phủ',
        demo: false,
        signedAt: '2026-12-02T02:30:00.000Z',
        reason: 'Ban hành Quyết định số 12/QĐ-UBND',
        problems: [],
      }),
    );
    renderWithApp(<DocumentsPage />, {
      role: 'OFFICER',
      url: '/documents?cycle=c1',
      answers: {
        CyclesList: cycles,
        IssuedDocuments: { data: issued([issuedRow]) },
        NationalExports: national,
      },
    });
    const card = await screen.findByTestId('verify-signature', {}, slow);
    const input = card.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['%PDF-1.7 signed'], '12-QD-UBND.pdf', { type: 'application/pdf' }));
    const verdict = await screen.findByTestId('verify-verdict');
    expect(verdict.textContent).toContain('Chữ ký số hợp lệ: tệp không bị thay đổi kể từ khi ký.');
    const result = screen.getByTestId('verify-result');
    expect(within(result).getByText('Trần Văn Bình')).toBeTruthy();
    expect(within(result).getByText(formatDateTime('2026-12-02T02:30:00.000Z'))).toBeTruthy();
    expect(within(result).getByText('Ban hành Quyết định số 12/QĐ-UBND')).toBeTruthy();
    expect(rest[0]).toMatchObject({ url: '/api/documents/verify', method: 'POST', csrf: 'csrf-1' });
  });

  it('says a changed file is no longer what was signed, with the problem found', async () => {
    const user = userEvent.setup();
    stubRest(() =>
      json(200, {
        signed: true,
        valid: false,
        coversWholeFile: true,
        signerName: 'Trần Văn Bình',
        subject: null,
        issuer: null,
        demo: false,
        signedAt: '2026-12-02T02:30:00.000Z',
        reason: null,
        problems: ['Nội dung đã bị thay đổi sau khi ký / the signed bytes changed'],
      }),
    );
    renderWithApp(<DocumentsPage />, {
      role: 'OFFICER',
      url: '/documents?cycle=c1',
      answers: { CyclesList: cycles, IssuedDocuments: { data: issued([]) }, NationalExports: national },
    });
    const card = await screen.findByTestId('verify-signature', {}, slow);
    await user.upload(
      card.querySelector('input[type="file"]') as HTMLInputElement,
      new File(['%PDF-1.7 changed'], 'sua.pdf', { type: 'application/pdf' }),
    );
    const verdict = await screen.findByTestId('verify-verdict');
    expect(verdict.textContent).toContain(messages['documents.verify.changed']);
    expect(screen.getByTestId('verify-problems').textContent).toContain('Nội dung đã bị thay đổi sau khi ký');
    expect(screen.getByTestId('verify-problems').textContent).not.toContain('signed bytes');
  });

  it('shows the exports made, by whom and with which checksum, and an overdue cycle highlighted', async () => {
    renderWithApp(<DocumentsPage />, {
      role: 'OFFICER',
      url: '/documents?cycle=c1',
      answers: { CyclesList: cycles, IssuedDocuments: { data: issued([]) }, NationalExports: national },
    });
    const exportRow = (await screen.findByText('Lê Thị Cán', {}, slow)).closest('tr') as HTMLElement;
    expect(within(exportRow).getByText('998877665544')).toBeTruthy();
    expect(within(exportRow).getByText('04/12/2026')).toBeTruthy();
    const overdue = screen.getByTestId('deadline-OVERDUE');
    expect(overdue.textContent).toContain('Năm 2025');
    expect(overdue.textContent).toContain(messages['nationalStatus.OVERDUE']);
    expect(overdue.getAttribute('style')).toContain('background');
    await waitFor(() =>
      expect(screen.getByTestId('national-current').textContent).toContain(messages['nationalStatus.SENT']),
    );
    expect(screen.getByTestId('national-current').textContent).toContain('04/12/2026');
  });
});
