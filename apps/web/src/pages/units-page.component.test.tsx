// The units page as an officer uses it: the tree of the province with each unit's kind in words and
// its head, a search without diacritics that opens the tree down to a ward, closed units behind
// their switch with their successor, and the API's field error beside the name of a new unit.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { UnitsPage } from './units-page.tsx';

const slow = { timeout: 10_000 };

type UnitSpec = {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent?: string;
  head?: [string, string];
  block?: string;
  people?: number;
  validFrom?: string;
  validTo?: string;
  successors?: string[];
};

const specs: UnitSpec[] = [
  { id: 'u-ha', code: 'HA', name: 'UBND tỉnh Hòa An', kind: 'PROVINCE', head: ['Lê Văn Tỉnh', 'Chủ tịch'] },
  {
    id: 'u-snv',
    code: 'HA.SNV',
    name: 'Sở Nội vụ',
    kind: 'DEPARTMENT',
    parent: 'u-ha',
    head: ['Trần Thị Bình', 'Giám đốc Sở'],
    block: 'Khối các cơ quan tổng hợp',
    people: 42,
  },
  { id: 'u-snv-vp', code: 'HA.SNV.VP', name: 'Văn phòng Sở', kind: 'DIVISION', parent: 'u-snv', people: 9 },
  {
    id: 'u-tp',
    code: 'HA.TP',
    name: 'Ban Quản lý khu đô thị',
    kind: 'CENTER',
    parent: 'u-ha',
  },
  {
    id: 'u-pts',
    code: 'HA.TP.PTS',
    name: 'UBND phường Trung Sơn',
    kind: 'WARD',
    parent: 'u-tp',
    head: ['Phạm Minh Sơn', 'Chủ tịch UBND phường'],
    block: 'Cụm thi đua các phường, đặc khu',
    people: 30,
    validFrom: '2025-07-01',
  },
  {
    id: 'u-old',
    code: 'HA.TPHA.PHB',
    name: 'UBND phường Cũ',
    kind: 'WARD',
    parent: 'u-ha',
    validTo: '2025-06-30',
    successors: ['u-pts'],
  },
];

function unitNode(spec: UnitSpec, withClosed: boolean) {
  const byId = new Map(specs.map((s) => [s.id, s]));
  const parent = spec.parent ? byId.get(spec.parent) : undefined;
  return {
    __typename: 'Unit',
    id: spec.id,
    code: spec.code,
    name: spec.name,
    kind: spec.kind,
    active: !spec.validTo,
    version: 3,
    validFrom: spec.validFrom ?? null,
    validTo: spec.validTo ?? null,
    peopleCount: spec.people ?? 0,
    parent: parent ? { __typename: 'Unit', id: parent.id, name: parent.name } : null,
    block: spec.block
      ? { __typename: 'EmulationBlock', id: `b-${spec.block}`, code: 'KHOI', name: spec.block }
      : null,
    heads: spec.head
      ? [{ __typename: 'Person', id: `p-${spec.id}`, fullName: spec.head[0], positionTitle: spec.head[1] }]
      : [],
    ...(withClosed
      ? {
          successors: (spec.successors ?? []).map((id) => {
            const successor = byId.get(id) as UnitSpec;
            const up = successor.parent ? byId.get(successor.parent) : undefined;
            return {
              __typename: 'Unit',
              id,
              name: successor.name,
              parent: up ? { __typename: 'Unit', id: up.id, name: up.name } : null,
            };
          }),
        }
      : {}),
  };
}

const answers = {
  UnitsPage: {
    reply: (variables: Record<string, unknown>) => ({
      units: specs.map((spec) => unitNode(spec, variables.withClosed === true)),
    }),
  },
  UnitTree: {
    data: {
      units: specs.map((spec) => ({
        __typename: 'Unit',
        id: spec.id,
        code: spec.code,
        name: spec.name,
        kind: spec.kind,
        parent: spec.parent ? { __typename: 'Unit', id: spec.parent } : null,
      })),
    },
  },
  UnitBlocks: {
    data: {
      blocks: [
        { __typename: 'EmulationBlock', id: 'b1', code: 'KHOI-TH', name: 'Khối các cơ quan tổng hợp' },
      ],
    },
  },
};

/** The address the page keeps its state in. */
function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

function rowOf(text: string): HTMLElement {
  return screen.getByRole('button', { name: text }).closest('tr') as HTMLElement;
}

describe('the units page', () => {
  it('shows the tree with each unit’s kind in words, its head and its emulation block', async () => {
    renderWithApp(<UnitsPage />, { role: 'OFFICER', answers, url: '/units' });
    await screen.findByRole('button', { name: 'Sở Nội vụ' }, slow);
    const department = rowOf('Sở Nội vụ');
    expect(within(department).getByText('HA.SNV')).toBeTruthy();
    expect(within(department).getByText(messages['unitKind.DEPARTMENT'])).toBeTruthy();
    expect(within(department).getByText('Trần Thị Bình')).toBeTruthy();
    expect(within(department).getByText('Giám đốc Sở')).toBeTruthy();
    expect(within(department).getByText('Khối các cơ quan tổng hợp')).toBeTruthy();
    expect(within(department).getByText('42')).toBeTruthy();
    const province = rowOf('UBND tỉnh Hòa An');
    expect(within(province).getByText(messages['unitKind.PROVINCE'])).toBeTruthy();
    expect(within(province).getByText('Lê Văn Tỉnh')).toBeTruthy();
    // the closed ward is hidden until asked for, the deeper levels are folded
    expect(screen.queryByRole('button', { name: 'UBND phường Cũ' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'UBND phường Trung Sơn' })).toBeNull();
  });

  it('finds a ward typed without diacritics, opens the tree to it and keeps the search in the address', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <>
        <UnitsPage />
        <Address />
      </>,
      { role: 'OFFICER', answers, url: '/units' },
    );
    await screen.findByRole('button', { name: 'Sở Nội vụ' }, slow);
    await user.type(screen.getByLabelText(messages['units.searchLabel']), 'phuong trung');
    const ward = await screen.findByRole('button', { name: 'UBND phường Trung Sơn' }, slow);
    expect(within(ward).getByText('phường Trung').tagName).toBe('MARK');
    const row = ward.closest('tr') as HTMLElement;
    expect(within(row).getByText(messages['unitKind.WARD'])).toBeTruthy();
    expect(within(row).getByText('Phạm Minh Sơn')).toBeTruthy();
    expect(within(row).getByText('Từ 01/07/2025')).toBeTruthy();
    // units that do not match are left out, the chain above the ward stays
    expect(screen.queryByRole('button', { name: 'Sở Nội vụ' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Ban Quản lý khu đô thị' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?q=phuong+trung'));

    // the closed ward comes with its successor once the switch is on
    await user.clear(screen.getByLabelText(messages['units.searchLabel']));
    await user.type(screen.getByLabelText(messages['units.searchLabel']), 'phuong');
    await screen.findByRole('button', { name: 'UBND phường Trung Sơn' }, slow);
    expect(screen.queryByRole('button', { name: 'UBND phường Cũ' })).toBeNull();
    await user.click(screen.getByRole('switch', { name: messages['units.showClosed'] }));
    await screen.findByRole('button', { name: 'UBND phường Cũ' }, slow);
    expect(
      await screen.findByText(
        'Đã giải thể/sáp nhập ngày 30/06/2025 → UBND phường Trung Sơn (Ban Quản lý khu đô thị)',
        {},
        slow,
      ),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?q=phuong&closed=1'));
  });

  it('puts the API’s refusal of an empty name beside the name of a new unit', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithApp(<UnitsPage />, {
      role: 'OFFICER',
      url: '/units',
      answers: {
        ...answers,
        CreateUnitPage: {
          data: {
            createUnit: {
              __typename: 'ValidationError',
              code: 'BAD_USER_INPUT',
              message: 'Invalid input',
              fields: [
                {
                  __typename: 'FieldError',
                  field: 'input.name',
                  message: 'Tên đơn vị không được để trống / name must not be empty',
                },
              ],
            },
          },
        },
      },
    });
    await screen.findByRole('button', { name: 'Sở Nội vụ' }, slow);
    await user.click(
      within(rowOf('Sở Nội vụ')).getByRole('button', {
        name: messages['units.addChildNamed'].replace('{name}', 'Sở Nội vụ (UBND tỉnh Hòa An)'),
      }),
    );
    const dialog = await screen.findByRole('dialog', {}, slow);
    await user.type(within(dialog).getByLabelText(messages['units.field.code']), 'HA.SNV.P9');
    await user.click(within(dialog).getByRole('combobox', { name: messages['units.field.kind'] }));
    await user.click(await screen.findByTitle(messages['unitKind.DIVISION']));
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    await waitFor(() =>
      expect(calls.find((call) => call.operationName === 'CreateUnitPage')?.variables).toEqual({
        input: { name: '', code: 'HA.SNV.P9', kind: 'DIVISION', parentId: 'u-snv', blockId: null },
      }),
    );
    const nameField = within(dialog).getByLabelText(messages['units.field.name']);
    const item = nameField.closest('.ant-form-item') as HTMLElement;
    expect(await within(item).findByText('Tên đơn vị không được để trống', {}, slow)).toBeTruthy();
    expect(nameField.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('alert').textContent).toContain(messages['units.fixFields']);
  });

  it('says when someone else changed the unit meanwhile and saves on the latest version', async () => {
    const user = userEvent.setup();
    const latest = { ...unitNode(specs[1] as UnitSpec, false), name: 'Sở Nội vụ tỉnh Hòa An', version: 4 };
    const { calls } = renderWithApp(<UnitsPage />, {
      role: 'ADMIN',
      url: '/units',
      answers: {
        ...answers,
        UnitDetails: {
          data: {
            unit: {
              ...latest,
              heads: [],
              successors: [],
              predecessors: [],
              parent: { __typename: 'Unit', id: 'u-ha', name: 'UBND tỉnh Hòa An', parent: null },
            },
          },
        },
        UpdateUnitPage: {
          reply: (variables) =>
            variables.version === 3
              ? {
                  updateUnit: {
                    __typename: 'ConflictError',
                    code: 'CONFLICT',
                    message: 'Đơn vị / Unit đã được người khác sửa (phiên bản 4, bạn gửi 3)',
                    currentVersion: 4,
                  },
                }
              : {
                  updateUnit: {
                    __typename: 'UpdateUnitSuccess',
                    data: { ...latest, name: 'Sở Nội vụ (mới)', version: 5 },
                  },
                },
        },
      },
    });
    await screen.findByRole('button', { name: 'Sở Nội vụ' }, slow);
    await user.click(
      within(rowOf('Sở Nội vụ')).getByRole('button', {
        name: messages['units.editNamed'].replace('{name}', 'Sở Nội vụ (UBND tỉnh Hòa An)'),
      }),
    );
    const dialog = await screen.findByRole('dialog', {}, slow);
    const name = within(dialog).getByLabelText(messages['units.field.name']);
    await user.clear(name);
    await user.type(name, 'Sở Nội vụ (mới)');
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    expect((await within(dialog).findByRole('alert', {}, slow)).textContent).toContain(
      messages['units.conflict'],
    );
    await user.click(within(dialog).getByRole('button', { name: messages['units.reloadLatest'] }));
    // the form shows the latest version (its fields are drawn anew)
    const nameNow = () => within(dialog).getByLabelText(messages['units.field.name']) as HTMLInputElement;
    await waitFor(() => expect(nameNow().value).toBe('Sở Nội vụ tỉnh Hòa An'));
    expect(within(dialog).getByRole('status').textContent).toContain(messages['units.reloaded']);
    await user.clear(nameNow());
    await user.type(nameNow(), 'Sở Nội vụ (mới)');
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      calls.filter((call) => call.operationName === 'UpdateUnitPage').map((call) => call.variables),
    ).toEqual([
      { id: 'u-snv', version: 3, input: { name: 'Sở Nội vụ (mới)' } },
      { id: 'u-snv', version: 4, input: { name: 'Sở Nội vụ (mới)' } },
    ]);
  });
});
