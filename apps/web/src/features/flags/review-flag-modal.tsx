import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import type { FlagReview, FlagRow } from './flags-query.ts';

const ReviewFlagMutation = graphql(
  `
  mutation ReviewFlag($id: ID!, $review: FlagReviewChoice!, $reason: String!, $version: Int!) {
    reviewFlag(id: $id, review: $review, reason: $reason, version: $version) {
      __typename
      ... on ReviewFlagSuccess {
        data {
          id
          review
          reviewReason
          reviewedAt
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

type ReviewChoice = Exclude<FlagReview, 'PENDING'>;

export function ReviewFlagModal(props: { flag: FlagRow; onClose: () => void }) {
  useFocusReturn();
  const t = useT();
  const { message } = App.useApp();
  const [state, review] = useMutation(ReviewFlagMutation);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ review: ReviewChoice; reason: string }>();

  async function submit(values: { review: ReviewChoice; reason: string }) {
    setError(null);
    const result = await review({
      id: props.flag.id,
      review: values.review,
      reason: values.reason,
      version: props.flag.version,
    });
    const payload = result.data?.reviewFlag;
    if (result.error) setError(describeCombinedError(result.error, t));
    else if (payload?.__typename === 'ReviewFlagSuccess') {
      void message.success(t('flags.reviewed'));
      props.onClose();
    } else if (payload) setError(describeErrorResult(payload, t));
  }

  return (
    <Modal
      open
      title={t('flags.reviewTitle', { name: props.flag.person.fullName })}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t(`flag.${props.flag.kind}`)}: {props.flag.reason}
      </Typography.Paragraph>
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {error}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ review: 'ACCEPTED' }}>
        <Form.Item name="review" label={t('flags.decision')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['ACCEPTED', 'DISMISSED', 'POSTPONED'] as const).map((value) => ({
              value,
              label: t(`flagReview.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('flags.reason')}
          rules={[{ required: true, min: 5, message: t('flags.reasonRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
