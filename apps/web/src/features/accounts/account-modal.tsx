import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import type { Role } from '../../auth/session.ts';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';
import { PersonPicker } from './person-picker.tsx';
import { UpdateUser } from './update-user-mutation.ts';
import type { UserRow } from './users-query.ts';

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

const roles: readonly Role[] = ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER', 'STAFF'];

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

export function AccountModal({ user, onClose }: { user: UserRow | null; onClose: (saved: boolean) => void }) {
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
