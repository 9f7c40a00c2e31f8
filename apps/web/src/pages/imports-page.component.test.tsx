// The imports page with uploads as jobs: the API answers 202 once the file is stored, the page
// follows the queued batch (waiting, then the rows read so far) to the same outcome as before, and
// a batch still running when the officer comes back shows in the history until it ends.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { ImportsPage } from './imports-page.tsx';

const slow = { timeout: 20_000 };

type Status = 'QUEUED' | 'VALIDATING' | 'APPLIED' | 'FAILED';

function batchRow(status: Status, totalRows: number, expectedRows: number | null = null) {
  return {
    __typename: 'ImportBatch',
    id: 'B1',
    kind: 'PEOPLE',
    status,
    fileName: 'can-bo.csv',
    totalRows,
    validRows: totalRows,
    expectedRows,
    errorCount: 0,
    createdAt: '2026-12-02T03:00:00.000Z',
    errorReportUrl: null,
    cycle: null,
  };
}

function history(rows: ReturnType<typeof batchRow>[]) {
  return {
    importBatches: {
      __typename: 'QueryImportBatchesConnection',
      totalCount: rows.length,
      edges: rows.map((node) => ({ __typename: 'QueryImportBatchesConnectionEdge', node })),
    },
  };
}

function progress(status: Status, totalRows: number, expectedRows: number | null = null) {
  return {
    importBatch: {
      __typename: 'ImportBatch',
      id: 'B1',
      status,
      totalRows,
      validRows: totalRows,
      expectedRows,
      errorCount: 0,
      errorReportUrl: null,
      errors: { __typename: 'ImportBatchErrorsConnection', edges: [] },
    },
  };
}

const pageAnswers = {
  CyclesList: { data: { cycles: [] } },
  ImportMappings: { data: { importMappings: [] } },
  ImportColumns: { data: { importColumns: [] } },
};

/** The upload request: the whole file sent at once, answered 202 with the queued batch. */
class AcceptingRequest {
  upload: {
    onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = { onprogress: null };
  withCredentials = false;
  status = 0;
  responseText = '';
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open() {}
  setRequestHeader() {}
  send() {
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 10, total: 10 });
      this.status = 202;
      this.responseText = JSON.stringify({
        batchId: 'B1',
        kind: 'PEOPLE',
        status: 'QUEUED',
        fileName: 'can-bo.csv',
        totalRows: 0,
        validRows: 0,
        errorCount: 0,
        errors: [],
        errorReport: null,
      });
      this.onload?.();
    }, 0);
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('the imports page with queued uploads', () => {
  it('follows the queued batch — waiting, rows read — to the outcome it used to answer', slow, async () => {
    vi.stubGlobal('XMLHttpRequest', AcceptingRequest);
    const user = userEvent.setup();
    const { container, calls } = renderWithApp(<ImportsPage />, {
      role: 'OFFICER',
      url: '/imports?kind=PEOPLE',
      answers: {
        ...pageAnswers,
        ImportBatches: { data: history([]) },
        ImportBatchProgress: {
          reply: (_variables, call) =>
            call === 1 ? progress('VALIDATING', 2000, 3500) : progress('APPLIED', 3500, 3500),
        },
      },
    });
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File(['Mã cán bộ\nP1'], 'can-bo.csv', { type: 'text/csv' }));
    await user.click(screen.getByTestId('import-submit'));
    const job = await screen.findByTestId('import-job', {}, slow);
    // stored and queued: the job has not started yet
    await waitFor(() => expect(job.textContent).toBe(messages['imports.queued']), slow);
    // taken by a worker: the rows read so far of those the file holds
    await waitFor(() => expect(job.textContent).toBe('Đang đọc và kiểm tra: 2.000 / 3.500 dòng…'), slow);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('57');
    expect(screen.getByText(messages['imports.stillRunning'])).toBeTruthy();
    const outcome = await screen.findByTestId('import-outcome', {}, slow);
    expect(outcome.textContent).toContain('Đã nhập 3.500 dòng từ “can-bo.csv”.');
    const polled = calls.filter((call) => call.operationName === 'ImportBatchProgress');
    expect(polled.map((call) => call.variables.id)).toEqual(['B1', 'B1']);
  });

  it('shows an import still running on return, and reads the history again until it ends', slow, async () => {
    renderWithApp(<ImportsPage />, {
      role: 'OFFICER',
      url: '/imports?kind=PEOPLE',
      answers: {
        ...pageAnswers,
        ImportBatches: {
          reply: (_variables, call) =>
            history([call === 1 ? batchRow('VALIDATING', 6000, 9000) : batchRow('APPLIED', 9000, 9000)]),
        },
      },
    });
    expect(await screen.findByText(messages['imports.status.VALIDATING'], {}, slow)).toBeTruthy();
    expect(screen.getByText('6.000 / 9.000')).toBeTruthy();
    expect(await screen.findByText(messages['imports.status.APPLIED'], {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.getByText('9.000')).toBeTruthy();
  });
});
