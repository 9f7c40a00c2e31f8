// The audit log as a personnel officer reads it: the action, the entity and each changed field in
// Vietnamese words (English when chosen), values through the app's own words, before → after as a
// list, the raw JSON only behind "Xem dữ liệu gốc", and the chain check still there for the admin.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMessages } from '../i18n/i18n-context.tsx';
import { vi as messages } from '../i18n/vi.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { AuditPage } from './audit-page.tsx';

// a shared machine renders Ant Design's tables slowly the first time
const slow = { timeout: 15_000 };

type Node = {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

const reviewFlag: Node = {
  id: '41',
  at: '2026-12-02T03:15:00.000Z',
  actorName: 'canbo.tcns',
  action: 'reviewFlag',
  entity: 'Flag',
  entityId: 'f1',
  before: { review: 'PENDING', version: 3 },
  after: { review: 'ACCEPTED', reason: 'Đã đối chiếu hồ sơ', version: 4 },
};

const importTasks: Node = {
  id: '40',
  at: '2026-12-01T10:00:00.000Z',
  actorName: 'canbo.tcns',
  action: 'importEvidence',
  entity: 'ImportBatch',
  entityId: 'b1',
  before: null,
  after: { kind: 'TASKS', cycleId: 'c1', fileName: 'nhiem-vu-2026.xlsx', rows: 1234 },
};

function log(nodes: Node[]) {
  return {
    auditLog: {
      __typename: 'AuditConnection',
      totalCount: nodes.length,
      edges: nodes.map((node) => ({ __typename: 'AuditEdge', node: { __typename: 'AuditEntry', ...node } })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    },
  };
}

const chain = {
  data: { auditChain: { __typename: 'AuditChainStatus', valid: true, checked: 41, brokenAtId: null } },
};

afterEach(() => localStorage.clear());

async function rowOf(text: string): Promise<HTMLElement> {
  return (await screen.findByText(text, {}, slow)).closest('tr') as HTMLElement;
}

describe('the audit log', () => {
  it('says a flag review in words — action, entity, field and values — and no code shows', async () => {
    const user = userEvent.setup();
    renderWithApp(<AuditPage />, {
      role: 'OFFICER',
      answers: { AuditPage: { data: log([reviewFlag]) }, AuditChain: chain },
    });
    const row = await rowOf('Xem xét cảnh báo');
    expect(within(row).getByText('Cảnh báo nhân sự')).toBeTruthy();
    expect(within(row).getByText('02/12/2026 10:15')).toBeTruthy();
    expect(within(row).getByText('canbo.tcns')).toBeTruthy();
    expect(within(row).getByText('Lý do, Kết quả xem xét, Phiên bản')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: /expand|mở rộng/i }));
    const review = await screen.findByTestId('audit-change-review');
    expect(review.textContent).toBe('Chờ xem xét → Đã chấp nhận');
    expect(screen.getByTestId('audit-change-reason').textContent).toBe('Đã đối chiếu hồ sơ');
    expect(screen.getByTestId('audit-change-version').textContent).toBe('3 → 4');
    const list = review.closest('table') as HTMLElement;
    expect(within(list).getByText('Kết quả xem xét')).toBeTruthy();
    // the field the reader came for comes before the bookkeeping
    const labels = within(list)
      .getAllByRole('row')
      .map((tr) => tr.querySelector('th')?.textContent);
    expect(labels).toEqual(['Lý do', 'Kết quả xem xét', 'Phiên bản']);

    const page = document.body.textContent ?? '';
    for (const code of ['reviewFlag', 'Flag', 'PENDING', 'ACCEPTED', 'review', 'version']) {
      expect(page, code).not.toContain(code);
    }

    // the auditor still has the data the chain hashes, one click away
    const raw = screen.getByRole('button', { name: 'Xem dữ liệu gốc' });
    expect(raw.getAttribute('aria-expanded')).toBe('false');
    await user.click(raw);
    expect(document.body.textContent).toContain('"review": "ACCEPTED"');
    await user.click(screen.getByRole('button', { name: 'Ẩn dữ liệu gốc' }));
    expect(document.body.textContent).not.toContain('"review": "ACCEPTED"');
  });

  it('says an import with its kind, file and rows in words, a code it does not know as the code', async () => {
    const user = userEvent.setup();
    renderWithApp(<AuditPage />, {
      role: 'OFFICER',
      answers: {
        AuditPage: {
          data: log([
            importTasks,
            { ...reviewFlag, id: '39', action: 'archiveEverything', before: null, after: null },
          ]),
        },
        AuditChain: chain,
      },
    });
    const row = await rowOf('Nhập minh chứng');
    expect(within(row).getByText('Lần nhập dữ liệu')).toBeTruthy();
    expect(within(row).getByText('Kỳ đánh giá, Tên tệp, Loại, Số dòng đã nhập')).toBeTruthy();
    expect(await rowOf('archiveEverything')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: /expand|mở rộng/i }));
    expect((await screen.findByTestId('audit-change-kind')).textContent).toBe(messages['imports.kind.TASKS']);
    expect(screen.getByTestId('audit-change-rows').textContent).toBe('1.234');
    expect(screen.getByTestId('audit-change-fileName').textContent).toBe('nhiem-vu-2026.xlsx');
    expect(document.body.textContent).not.toContain('TASKS');
  });

  it('offers the entities in words in the filter and asks the API by their code', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<AuditPage />, {
      role: 'OFFICER',
      answers: { AuditPage: { data: log([reviewFlag]) }, AuditChain: chain },
    });
    await rowOf('Xem xét cảnh báo');
    await user.click(screen.getByRole('combobox', { name: messages['audit.entityFilter'] }));
    await user.click(await screen.findByTitle('Đề nghị danh hiệu'));
    await waitFor(() =>
      expect(calls.filter((call) => call.operationName === 'AuditPage').at(-1)?.variables.filter).toEqual({
        entity: 'TitleProposal',
      }),
    );
  });

  it('keeps the chain check for the administrator', async () => {
    const user = userEvent.setup();
    renderWithApp(<AuditPage />, {
      role: 'ADMIN',
      answers: { AuditPage: { data: log([reviewFlag]) }, AuditChain: chain },
    });
    await rowOf('Xem xét cảnh báo');
    await user.click(screen.getByRole('button', { name: messages['audit.verify'] }));
    expect((await screen.findByTestId('audit-chain')).textContent).toContain('đã kiểm tra 41 bản ghi');
  });

  it('speaks English when English is chosen', async () => {
    await loadMessages('en');
    localStorage.setItem('cadre.locale', 'en');
    renderWithApp(<AuditPage />, {
      role: 'OFFICER',
      answers: { AuditPage: { data: log([reviewFlag]) }, AuditChain: chain },
    });
    const row = await rowOf('Review a flag');
    expect(within(row).getByText('Personnel flag')).toBeTruthy();
    expect(within(row).getByText('Reason, Review, Version')).toBeTruthy();
  });
});
