import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { unitWithParent } from '../units/unit-name.ts';
import { UpdateUser } from './update-user-mutation.ts';
import { accountName, type UserRow } from './users-query.ts';

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

/** The accounts with their role, scope and person; edit, reset the password, lock or unlock (after a confirmation naming the account). */
export function AccountsTable(props: {
  users: UserRow[];
  loading: boolean;
  onEdit: (user: UserRow) => void;
  onResetPassword: (user: UserRow) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [, deactivate] = useMutation(DeactivateUser);
  const [, update] = useMutation(UpdateUser);
  const { users } = props;
  const setEditing = props.onEdit;
  const setResetting = props.onResetPassword;
  const refresh = props.onChanged;

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
    <Table<UserRow>
      rowKey="id"
      size="middle"
      loading={props.loading}
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
  );
}
