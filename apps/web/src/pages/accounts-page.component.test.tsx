// The accounts screen as an admin uses it: linking an account to a person found by a search that
// ignores diacritics (two people of the same name told apart by code and unit), the linked person
// in the list, and the API's reasons for refusing a taken username or locking oneself.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { vi as messages } from '../i18n/vi.ts';
import { renderWithApp } from '../test-support/render-with-app.tsx';
import { AccountsPage } from './accounts-page.tsx';

const slow = { timeout: 10_000 };

function person(id: string, code: string, unit: string, parent: string) {
  return {
    __typename: 'Person',
    id,
    fullName: 'Nguyễn Văn An',
    code,
    unit: {
      __typename: 'Unit',
      id: `unit-${id}`,
      name: unit,
      parent: { __typename: 'Unit', id: `parent-${id}`, name: parent },
    },
  };
}

function account(overrides: Record<string, unknown>) {
  return {
    __typename: 'User',
    id: 'u9',
    username: 'an.nguyen',
    displayName: 'An',
    role: 'STAFF',
    active: true,
    version: 3,
    lastLoginAt: null,
    scopeUnit: null,
    person: null,
    ...overrides,
  };
}

function users(...nodes: unknown[]) {
  return {
    data: {
      users: {
        __typename: 'QueryUsersConnection',
        totalCount: nodes.length,
        edges: nodes.map((node) => ({ __typename: 'QueryUsersConnectionEdge', node })),
      },
    },
  };
}

const unitTree = { data: { units: [] } };

describe('the accounts page', () => {
  it('links an account to the right one of two people of the same name', async () => {
    const user = userEvent.setup();
    const twins = [
      person('p1', 'CB001', 'Phòng Nội vụ', 'UBND huyện Tân Lập'),
      person('p2', 'CB002', 'Phòng Nội vụ', 'UBND huyện Hòa Bình'),
    ];
    const { calls } = renderWithApp(<AccountsPage />, {
      role: 'ADMIN',
      answers: {
        AccountsPage: {
          reply: (_variables, call) =>
            call > 1 ? users(account({ version: 4, person: twins[1] })).data : users(account({})).data,
        },
        UnitTree: unitTree,
        AccountPersonPick: {
          data: {
            people: {
              __typename: 'QueryPeopleConnection',
              edges: twins.map((node) => ({ __typename: 'QueryPeopleConnectionEdge', node })),
            },
          },
        },
        UpdateUserPage: {
          data: {
            updateUser: {
              __typename: 'UpdateUserSuccess',
              data: {
                __typename: 'User',
                id: 'u9',
                role: 'STAFF',
                active: true,
                version: 4,
                scopeUnit: null,
                person: twins[1],
              },
            },
          },
        },
      },
    });
    const row = (await screen.findByText('an.nguyen', {}, slow)).closest('tr') as HTMLElement;
    expect(within(row).getByText(messages['accounts.personNone'])).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: messages['accounts.edit'] }));
    const dialog = await screen.findByRole('dialog');
    const picker = within(dialog).getByRole('combobox', { name: messages['accounts.person'] });
    await user.click(picker);
    await user.type(picker, 'nguyen van an');
    await waitFor(() =>
      expect(calls.find((call) => call.operationName === 'AccountPersonPick')?.variables).toEqual({
        search: 'nguyen van an',
      }),
    );
    expect(await screen.findByText('Phòng Nội vụ (UBND huyện Tân Lập)', {}, slow)).toBeTruthy();
    await user.click(await screen.findByText('Phòng Nội vụ (UBND huyện Hòa Bình)'));
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    await waitFor(() =>
      expect(calls.find((call) => call.operationName === 'UpdateUserPage')?.variables).toMatchObject({
        id: 'u9',
        version: 3,
        input: { personId: 'p2' },
      }),
    );
    const linked = await screen.findByText('· CB002', {}, slow);
    expect(linked.closest('tr')?.textContent).toContain('Phòng Nội vụ (UBND huyện Hòa Bình)');
  });

  it('says the username is taken, beside the username', async () => {
    const user = userEvent.setup();
    renderWithApp(<AccountsPage />, {
      role: 'ADMIN',
      answers: {
        AccountsPage: users(),
        UnitTree: unitTree,
        CreateUserPage: {
          data: {
            createUser: {
              __typename: 'ValidationError',
              code: 'BAD_USER_INPUT',
              message:
                'input.username: Tên đăng nhập "an" đã có người dùng, chọn tên khác / username "an" is taken',
              fields: [
                {
                  __typename: 'FieldError',
                  field: 'input.username',
                  message: 'Tên đăng nhập "an" đã có người dùng, chọn tên khác / username "an" is taken',
                },
              ],
            },
          },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: messages['accounts.create'] }, slow));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(messages['accounts.username']), 'an');
    await user.type(within(dialog).getByLabelText(messages['accounts.displayName']), 'An');
    await user.type(within(dialog).getByLabelText(messages['accounts.password']), 'a-long-password');
    await user.click(within(dialog).getByRole('button', { name: messages['app.save'] }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Tên đăng nhập "an" đã có người dùng');
    expect(alert.textContent).not.toContain('người khác thay đổi');
    const username = within(dialog).getByLabelText(messages['accounts.username']);
    const item = username.closest('.ant-form-item') as HTMLElement;
    await within(item).findByText(/đã có người dùng/);
  });

  it('says why an admin cannot lock their own account', async () => {
    const user = userEvent.setup();
    const refusal = 'Không thể tự khóa tài khoản của chính mình / cannot lock yourself';
    renderWithApp(<AccountsPage />, {
      role: 'ADMIN',
      answers: {
        AccountsPage: users(account({ id: 'u1', username: 'admin', role: 'ADMIN' })),
        UnitTree: unitTree,
        DeactivateUserPage: {
          data: {
            deactivateUser: {
              __typename: 'ValidationError',
              code: 'BAD_USER_INPUT',
              message: `input.active: ${refusal}`,
              fields: [{ __typename: 'FieldError', field: 'input.active', message: refusal }],
            },
          },
        },
      },
    });
    const row = (await screen.findByText('admin', {}, slow)).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: messages['accounts.deactivate'] }));
    const confirm = await screen.findByRole('dialog');
    await user.click(within(confirm).getByRole('button', { name: messages['accounts.deactivate'] }));
    // the half of the server's words in the user's language, not "vi / en"
    expect(
      await screen.findByText('Thông tin chưa hợp lệ: Không thể tự khóa tài khoản của chính mình', {}, slow),
    ).toBeTruthy();
  });

  it('gives focus back to the button that opened a dialog, and names the account before a reset or a lock', async () => {
    const user = userEvent.setup();
    renderWithApp(<AccountsPage />, {
      reducedMotion: true,
      role: 'ADMIN',
      answers: {
        AccountsPage: users(account({ displayName: 'Nguyễn Văn An' })),
        UnitTree: unitTree,
      },
    });
    const row = (await screen.findByText('an.nguyen', {}, slow)).closest('tr') as HTMLElement;
    for (const name of [messages['accounts.edit'], messages['accounts.resetPassword']]) {
      const opener = within(row).getByRole('button', { name });
      opener.focus();
      await user.keyboard('{Enter}');
      const dialog = await screen.findByRole('dialog');
      if (name === messages['accounts.resetPassword'])
        expect(dialog.textContent).toContain('Nguyễn Văn An (an.nguyen)');
      await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await waitFor(() => expect(document.activeElement).toBe(opener));
    }
    await user.click(within(row).getByRole('button', { name: messages['accounts.deactivate'] }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm.textContent).toContain('Khóa tài khoản “Nguyễn Văn An (an.nguyen)”?');
  });
});
