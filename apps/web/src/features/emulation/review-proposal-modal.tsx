import { Form, Input, Modal } from 'antd';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { nominee, type Proposal } from './emulation-query.ts';
import { useReport } from './use-report.ts';

const ReviewProposalMutation = graphql(
  `
  mutation ReviewTitleProposal($id: ID!, $approved: Boolean!, $reason: String, $version: Int!) {
    reviewTitleProposal(id: $id, approved: $approved, reason: $reason, version: $version) {
      __typename
      ... on ReviewTitleProposalSuccess {
        data {
          id
          status
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

/** Approving needs the grounds (the API refuses without them); rejecting may give a reason. */
export function ReviewProposalModal(props: {
  proposal: Proposal;
  approved: boolean;
  onClose: (done: boolean) => void;
}) {
  const t = useT();
  const report = useReport();
  const [state, review] = useMutation(ReviewProposalMutation);
  const [form] = Form.useForm<{ reason: string }>();
  useFocusReturn();
  const { proposal, approved } = props;
  return (
    <Modal
      open
      title={t(approved ? 'emulation.approveTitle' : 'emulation.rejectTitle', {
        name: nominee(proposal),
        title: t(`titleKind.${proposal.title}`),
      })}
      okText={approved ? t('emulation.approve') : t('emulation.reject')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      okButtonProps={{ disabled: state.fetching, danger: !approved }}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          if (state.fetching) return;
          const outcome = await review({
            id: proposal.id,
            approved,
            reason: values.reason?.trim() || null,
            version: proposal.version,
          });
          if (report(outcome, t('emulation.reviewed'))) props.onClose(true);
        }}
      >
        <Form.Item
          name="reason"
          label={t(approved ? 'emulation.grounds' : 'emulation.rejectGrounds')}
          rules={
            approved
              ? [{ required: true, min: 5, whitespace: true, message: t('emulation.groundsRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
