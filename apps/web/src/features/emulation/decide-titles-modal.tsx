import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { nominee, type Proposal } from './emulation-query.ts';
import { useReport } from './use-report.ts';

const DecideTitlesMutation = graphql(
  `
  mutation DecideTitles($cycleId: ID!, $decidedOn: Date!, $number: String!, $proposalIds: [ID!]!, $signedBy: String!) {
    decideTitles(cycleId: $cycleId, decidedOn: $decidedOn, number: $number, proposalIds: $proposalIds, signedBy: $signedBy) {
      __typename
      ... on DecideTitlesSuccess {
        data {
          id
          number
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

export function DecideTitlesModal(props: {
  cycleId: string;
  proposals: Proposal[];
  onClose: (done: boolean) => void;
}) {
  const t = useT();
  const report = useReport();
  const [state, decide] = useMutation(DecideTitlesMutation);
  const [form] = Form.useForm<{ number: string; signedBy: string; decidedOn: Dayjs }>();
  useFocusReturn();
  return (
    <Modal
      open
      title={t('emulation.decideTitle', { count: props.proposals.length })}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
    >
      <ul>
        {props.proposals.map((proposal) => (
          <li key={proposal.id}>
            {nominee(proposal)} — {t(`titleKind.${proposal.title}`)}
          </li>
        ))}
      </ul>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          const result = await decide({
            cycleId: props.cycleId,
            proposalIds: props.proposals.map((proposal) => proposal.id),
            number: values.number,
            signedBy: values.signedBy,
            decidedOn: values.decidedOn.format('YYYY-MM-DD'),
          });
          if (report(result, t('emulation.decided'))) props.onClose(true);
        }}
      >
        <Form.Item name="number" label={t('emulation.decisionNumber')} rules={[{ required: true }]}>
          <Input placeholder="123/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="signedBy" label={t('emulation.signedBy')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('emulation.decidedOn')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
