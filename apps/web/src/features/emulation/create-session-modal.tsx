import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { useErrorText } from './use-error-text.ts';

const CouncilsQuery = graphql(`
  query Councils {
    councils {
      id
      name
    }
  }
`);

const CreateSessionMutation = graphql(
  `
  mutation CreateCouncilSession($councilId: ID!, $cycleId: ID!, $heldOn: Date!, $number: String!, $quorum: Int!) {
    createCouncilSession(councilId: $councilId, cycleId: $cycleId, heldOn: $heldOn, number: $number, quorum: $quorum) {
      __typename
      ... on CreateCouncilSessionSuccess {
        data {
          id
          status
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

export function CreateSessionModal(props: { cycleId: string; onClose: (done: boolean) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ councilId: string; number: string; heldOn: Dayjs; quorum: number }>();
  const [councils] = useQuery({ query: CouncilsQuery });
  const [state, create] = useMutation(CreateSessionMutation);
  const [error, setError] = useState<string | null>(null);
  useFocusReturn();
  const firstCouncil = councils.data?.councils[0]?.id;
  useEffect(() => {
    // most provinces have one council: preselect it once the list arrives
    if (firstCouncil && !form.getFieldValue('councilId')) form.setFieldValue('councilId', firstCouncil);
  }, [firstCouncil, form]);

  return (
    <Modal
      open
      title={t('emulation.createSession')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
    >
      {error && (
        <p role="alert" style={{ color: '#a61d24' }}>
          {error}
        </p>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ quorum: 5 }}
        onFinish={async (values) => {
          setError(null);
          const result = await create({
            councilId: values.councilId,
            cycleId: props.cycleId,
            number: values.number,
            heldOn: values.heldOn.format('YYYY-MM-DD'),
            quorum: values.quorum,
          });
          const text = errorText(result, result.data?.createCouncilSession);
          if (text) setError(text);
          else {
            void message.success(t('emulation.sessionCreated'));
            props.onClose(true);
          }
        }}
      >
        <Form.Item name="councilId" label={t('emulation.council')} rules={[{ required: true }]}>
          <Select
            loading={councils.fetching}
            options={(councils.data?.councils ?? []).map((council) => ({
              value: council.id,
              label: council.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="number" label={t('emulation.sessionNumber')} rules={[{ required: true }]}>
          <Input placeholder="01/2026" />
        </Form.Item>
        <Form.Item name="heldOn" label={t('emulation.heldOn')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="quorum" label={t('emulation.quorum')} rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
