import { Alert, App, Button, Input, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { AccountModal } from '../features/accounts/account-modal.tsx';
import { AccountsTable } from '../features/accounts/accounts-table.tsx';
import { ResetPasswordModal } from '../features/accounts/reset-password-modal.tsx';
import { type UserRow, UsersQuery } from '../features/accounts/users-query.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatInteger } from '../lib/format.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';

export function AccountsPage() {
  const t = useT();
  const { message } = App.useApp();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const [result, reexecute] = useQuery({
    query: UsersQuery,
    variables: { first: 200, search: debounced || null },
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<UserRow | null | 'new'>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const users = result.data?.users.edges.map((edge) => edge.node) ?? [];

  return (
    <section aria-labelledby="accounts-heading">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} id="accounts-heading" style={{ fontSize: 22, margin: 0 }}>
          {t('accounts.heading')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('accounts.create')}
        </Button>
      </Space>
      <Space wrap align="end" style={{ marginBottom: 12 }}>
        <div>
          <label htmlFor={searchId} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
            {t('accounts.searchLabel')}
          </label>
          <Input.Search
            enterButton={t('app.search')}
            id={searchId}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        {result.data && (
          <Typography.Text type="secondary">
            {t('accounts.count', { count: formatInteger(result.data.users.totalCount) })}
          </Typography.Text>
        )}
      </Space>
      {result.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeCombinedError(result.error, t)}
          action={<Button onClick={refresh}>{t('app.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      <AccountsTable
        users={users}
        loading={result.fetching && !result.data}
        onEdit={setEditing}
        onResetPassword={setResetting}
        onChanged={refresh}
      />
      {editing && (
        <AccountModal
          user={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              void message.success(t('accounts.saved'));
              refresh();
            }
          }}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </section>
  );
}
