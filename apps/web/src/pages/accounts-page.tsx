import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { Role } from '../auth/session.ts';
import { PersonPicker } from '../features/accounts/person-picker.tsx';
import { unitWithParent } from '../features/units/unit-name.ts';
import { UnitTreeSelect } from '../features/units/unit-tree-select.tsx';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { MutationError } from '../graphql/mutation-error.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../lib/error-message.ts';
import { useFocusReturn } from '../lib/focus-return.ts';
import { formatDateTime, formatInteger } from '../lib/format.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';

const UsersQuery = graphql(`
  query AccountsPage($first: Int, $search: String) {
    users(first: $first, search: $search) {
      totalCount
      edges {
        node {
          id
          username
          displayName
          role
          active
          version
          lastLoginAt
          scopeUnit {
            id
            name
          }
          person {
            id
            fullName
            code
            unit {
              id
              name
              parent {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

const CreateUser = graphql(
  `
  mutation CreateUserPage($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on CreateUserSuccess {
        data {
          id
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const UpdateUser = graphql(
  `
  mutation UpdateUserPage($id: ID!, $version: Int!, $input: UpdateUserInput!) {
    updateUser(id: $id, version: $version, input: $input) {
      __typename
      ... on UpdateUserSuccess {
        data {
          id
          role
          active
          version
          scopeUnit {
            id
            name
          }
          person {
            id
            fullName
            code
            unit {
              id
              name
              parent {
                id
                name
              }
            }
          }
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const DeactivateUser = graphql(
  `
  mutation DeactivateUserPage($id: ID!, $version: Int!) {
    deactivateUser(id: $id, version: $version) {
      __typename
      ... on DeactivateUserSuccess {
        data {
          id
          active
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const ResetPassword = graphql(
  `
  mutation ResetPasswordPage($id: ID!, $password: String!) {
    resetPassword(id: $id, newPassword: $password) {
      __typename
      ... on ResetPasswordSuccess {
        data {
          id
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

type UserRow = ResultOf<typeof UsersQuery>['users']['edges'][number]['node'];
const roles: readonly Role[] = ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER', 'STAFF'];

/** Whose account: the display name with the username, as a confirmation names it. */
function accountName(user: UserRow): string {
  return user.displayName && user.displayName !== user.username
    ? `${user.displayName} (${user.username})`
    : user.username;
}

/** Form.Item hands value/onChange/id to its child. */
function ScopeField(props: { id?: string; value?: string; onChange?: (value: string | undefined) => void }) {
  const t = useT();
  return (
    <UnitTreeSelect
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      placeholder={t('accounts.scopeAll')}
      style={{ width: '100%' }}
    />
  );
}

type AccountValues = {
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId?: string;
  personId?: string | null;
  password: string;
};

/** The API's field path (input.username) to the form's field name (username). */
const formFields: Record<string, keyof AccountValues> = {
  'input.username': 'username',
  'input.displayName': 'displayName',
  'input.role': 'role',
  'input.scopeUnitId': 'scopeUnitId',
  'input.personId': 'personId',
  'input.password': 'password',
};

function AccountModal({ user, onClose }: { user: UserRow | null; onClose: (saved: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<AccountValues>();
  const [creating, create] = useMutation(CreateUser);
  const [updating, update] = useMutation(UpdateUser);
  const [error, setError] = useState<string | null>(null);
  useFocusReturn();

  async function submit(values: AccountValues) {
    setError(null);
    const result = user
      ? await update({
          id: user.id,
          version: user.version,
          input: {
            displayName: values.displayName.trim(),
            role: values.role,
            scopeUnitId: values.scopeUnitId ?? null,
            personId: values.personId ?? null,
          },
        })
      : await create({
          input: {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            role: values.role,
            scopeUnitId: values.scopeUnitId ?? null,
            personId: values.personId ?? null,
            password: values.password,
          },
        });
    const data = result.data;
    const outcome =
      data && ('updateUser' in data ? data.updateUser : 'createUser' in data ? data.createUser : null);
    if (outcome && (outcome.__typename === 'UpdateUserSuccess' || outcome.__typename === 'CreateUserSuccess'))
      onClose(true);
    else if (outcome) {
      setError(describeErrorResult(outcome, t));
      // the refusal also goes beside the field it names
      const fields = 'fields' in outcome ? (outcome.fields ?? []) : [];
      form.setFields(
        fields.flatMap((issue) => {
          const name = formFields[issue.field];
          return name ? [{ name, errors: [issue.message] }] : [];
        }),
      );
    } else if (result.error) setError(describeCombinedError(result.error, t));
  }

  return (
    <Modal
      open
      title={user ? `${t('accounts.edit')}: ${user.username}` : t('accounts.create')}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      okButtonProps={{ loading: creating.fetching || updating.fetching }}
      destroyOnHidden
    >
      {user && (
        <Alert type="info" showIcon title={t('accounts.roleChangeNote')} style={{ marginBottom: 12 }} />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<AccountValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                role: user.role,
                scopeUnitId: user.scopeUnit?.id,
                personId: user.person?.id ?? null,
              }
            : { role: 'STAFF' }
        }
      >
        <Form.Item
          name="username"
          label={t('accounts.username')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('accounts.displayName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true }]}>
          <Select options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        </Form.Item>
        <Form.Item name="scopeUnitId" label={t('accounts.scope')}>
          <ScopeField />
        </Form.Item>
        <Form.Item name="personId" label={t('accounts.person')} extra={t('accounts.personHelp')}>
          <PersonPicker current={user?.person ?? null} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('accounts.password')}
            rules={[{ required: true, min: 10, message: t('accounts.passwordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [state, reset] = useMutation(ResetPassword);
  const [error, setError] = useState<string | null>(null);
  useFocusReturn();
  return (
    <Modal
      open
      title={`${t('accounts.resetPassword')}: ${accountName(user)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('accounts.resetPassword')}
      cancelText={t('app.cancel')}
      okButtonProps={{ loading: state.fetching, danger: true }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          setError(null);
          const result = await reset({ id: user.id, password: values.password });
          const outcome = result.data?.resetPassword;
          if (outcome?.__typename === 'ResetPasswordSuccess') {
            void message.success(t('accounts.resetDone'));
            onClose();
          } else if (outcome) setError(describeErrorResult(outcome, t));
          else if (result.error) setError(describeCombinedError(result.error, t));
        }}
      >
        <Form.Item
          name="password"
          label={t('accounts.newPassword')}
          rules={[{ required: true, min: 10, message: t('accounts.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AccountsPage() {
  const t = useT();
  const { modal, message } = App.useApp();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const [result, reexecute] = useQuery({
    query: UsersQuery,
    variables: { first: 200, search: debounced || null },
    requestPolicy: 'cache-and-network',
  });
  const [, deactivate] = useMutation(DeactivateUser);
  const [, update] = useMutation(UpdateUser);
  const [editing, setEditing] = useState<UserRow | null | 'new'>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const users = result.data?.users.edges.map((edge) => edge.node) ?? [];

  function toggleActive(user: UserRow) {
    modal.confirm({
      title: user.active ? t('accounts.deactivate') : t('accounts.reactivate'),
      content: user.active
        ? t('accounts.deactivateConfirm', { name: accountName(user) })
        : t('accounts.reactivateConfirm', { name: accountName(user) }),
      okText: user.active ? t('accounts.deactivate') : t('accounts.reactivate'),
      okButtonProps: { danger: user.active },
      cancelText: t('app.cancel'),
      onOk: async () => {
        const response = user.active
          ? await deactivate({ id: user.id, version: user.version })
          : await update({ id: user.id, version: user.version, input: { active: true } });
        const data = response.data;
        const outcome =
          data &&
          ('deactivateUser' in data ? data.deactivateUser : 'updateUser' in data ? data.updateUser : null);
        if (
          outcome &&
          (outcome.__typename === 'DeactivateUserSuccess' || outcome.__typename === 'UpdateUserSuccess')
        ) {
          void message.success(t('accounts.saved'));
          refresh();
        } else if (outcome) void message.error(describeErrorResult(outcome, t), 8);
        else if (response.error) void message.error(describeCombinedError(response.error, t), 8);
      },
    });
  }

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
      <Table<UserRow>
        rowKey="id"
        size="middle"
        loading={result.fetching && !result.data}
        dataSource={users}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 1540 }}
        columns={[
          { title: t('accounts.username'), dataIndex: 'username', key: 'username', width: 140 },
          { title: t('accounts.displayName'), dataIndex: 'displayName', key: 'displayName', width: 200 },
          { title: t('accounts.role'), key: 'role', render: (_, user) => t(`role.${user.role}`) },
          {
            title: t('accounts.scope'),
            key: 'scope',
            width: 200,
            render: (_, user) => user.scopeUnit?.name ?? t('accounts.scopeAll'),
          },
          {
            title: t('accounts.person'),
            key: 'person',
            width: 240,
            render: (_, user) =>
              user.person ? (
                <span>
                  {user.person.fullName}{' '}
                  <Typography.Text type="secondary">· {user.person.code}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {unitWithParent(user.person.unit)}
                  </Typography.Text>
                </span>
              ) : (
                <Typography.Text type="secondary">{t('accounts.personNone')}</Typography.Text>
              ),
          },
          {
            title: t('accounts.active'),
            key: 'active',
            width: 130,
            render: (_, user) =>
              user.active ? (
                <Tag color="green">{t('accounts.isActive')}</Tag>
              ) : (
                <Tag>{t('accounts.isLocked')}</Tag>
              ),
          },
          {
            title: t('accounts.lastLogin'),
            key: 'lastLogin',
            width: 140,
            render: (_, user) => formatDateTime(user.lastLoginAt),
          },
          {
            title: t('app.actions'),
            key: 'actions',
            width: 330,
            render: (_, user) => (
              <Space wrap size={4}>
                <Button size="small" onClick={() => setEditing(user)}>
                  {t('accounts.edit')}
                </Button>
                <Button size="small" onClick={() => setResetting(user)}>
                  {t('accounts.resetPassword')}
                </Button>
                <Button size="small" danger={user.active} onClick={() => toggleActive(user)}>
                  {user.active ? t('accounts.deactivate') : t('accounts.reactivate')}
                </Button>
              </Space>
            ),
          },
        ]}
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
