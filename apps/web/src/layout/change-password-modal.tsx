import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql/graphql.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { useFocusReturn } from '../lib/focus-return.ts';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next) {
      __typename
      ... on ValidationError {
        fields {
          field
          message
        }
      }
    }
  }
`);

type Values = { current: string; next: string; repeat: string };

/** Changing the password ends every session of the account, so success signs the user out. */
export function ChangePasswordModal(props: { onClose: () => void; onChanged: () => void }) {
  useFocusReturn();
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [state, change] = useMutation(ChangePasswordMutation);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: Values) {
    setError(null);
    const result = await change({ current: values.current, next: values.next });
    const payload = result.data?.changePassword;
    if (result.error) setError(describeCombinedError(result.error, t));
    else if (payload?.__typename === 'ValidationError')
      setError(payload.fields.map((field) => field.message).join(' '));
    else if (payload) props.onChanged();
  }

  return (
    <Modal
      open
      title={t('password.change')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Alert type="info" showIcon title={t('password.rules')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} name="change-password">
        <Form.Item name="current" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label={t('password.next')}
          rules={[{ required: true, min: 10, message: t('password.rules') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('password.repeat')}
          dependencies={['next']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('next')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
