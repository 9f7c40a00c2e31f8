import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { accountName, type UserRow } from './users-query.ts';

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

export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
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
