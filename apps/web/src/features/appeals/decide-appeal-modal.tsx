import { Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { ratingChoiceRefusal } from '../results/rating-display.ts';
import { AppealAttachmentLinks } from './appeal-attachment-links.tsx';
import type { AppealRow, Rating } from './appeals-query.ts';
import { useReport } from './use-report.ts';

const DecideAppealMutation = graphql(
  `
  mutation DecideAppeal($id: ID!, $outcome: AppealOutcome!, $rating: Rating, $reason: String!, $version: Int!) {
    decideAppeal(id: $id, outcome: $outcome, rating: $rating, reason: $reason, version: $version) {
      __typename
      ... on DecideAppealSuccess { data { id status outcome decidedAt version result { id finalRating version } } }
      ...MutationError
    }
  }
`,
  [MutationError],
);

// What an upheld appeal may change the rating to is the API's to say (the rules engine judges each
// choice: hard rules, the excellent quota); the form offers those, the refused ones with the reason.
const AppealRatingChoicesQuery = graphql(`
  query AppealRatingChoices($resultId: ID!) {
    node(id: $resultId) {
      __typename
      ... on EvaluationResult {
        id
        ratingChoices {
          rating
          allowed
          rule
          citation
          reason
        }
      }
    }
  }
`);

export function DecideAppealModal(props: { appeal: AppealRow; onClose: () => void }) {
  useFocusReturn();
  const t = useT();
  const report = useReport();
  const [state, decide] = useMutation(DecideAppealMutation);
  const [form] = Form.useForm<{ outcome: 'UPHELD' | 'REJECTED'; rating?: Rating; reason: string }>();
  const outcome = Form.useWatch('outcome', form);
  const [answer] = useQuery({
    query: AppealRatingChoicesQuery,
    variables: { resultId: props.appeal.result.id },
    requestPolicy: 'network-only',
  });
  const node = answer.data?.node;
  // the current rating is no change (the API refuses it)
  const current = props.appeal.result.finalRating;
  const choices = useMemo(
    () =>
      node?.__typename === 'EvaluationResult'
        ? node.ratingChoices.filter((choice) => choice.rating !== current)
        : [],
    [node, current],
  );
  const loaded = node !== undefined;
  useEffect(() => {
    // the rating asked for stays chosen only when the engine allows it
    if (!loaded) return;
    const chosen = form.getFieldValue('rating') as Rating | undefined;
    if (chosen && !choices.some((choice) => choice.rating === chosen && choice.allowed))
      form.setFieldValue('rating', undefined);
  }, [loaded, choices, form]);
  return (
    <Modal
      open
      title={t('appeals.decideTitle', { name: props.appeal.person.fullName })}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>{props.appeal.reason}</Typography.Paragraph>
      <AppealAttachmentLinks attachments={props.appeal.attachments} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'UPHELD', rating: props.appeal.requested ?? undefined }}
        onFinish={async (values) => {
          const result = await decide({
            id: props.appeal.id,
            outcome: values.outcome,
            rating: values.outcome === 'UPHELD' ? (values.rating ?? null) : null,
            reason: values.reason,
            version: props.appeal.version,
          });
          if (report(result, t('appeals.decided'))) props.onClose();
        }}
      >
        <Form.Item name="outcome" label={t('appeals.outcome')}>
          <Radio.Group
            options={[
              { value: 'UPHELD', label: t('appealStatus.UPHELD') },
              { value: 'REJECTED', label: t('appealStatus.REJECTED') },
            ]}
          />
        </Form.Item>
        {outcome === 'UPHELD' && (
          <Form.Item
            name="rating"
            label={t('appeals.newRating')}
            extra={loaded && choices.length === 0 ? t('appeals.noRatingChoices') : undefined}
          >
            <Select
              allowClear
              loading={answer.fetching}
              options={choices.map((choice) => ({
                value: choice.rating,
                disabled: !choice.allowed,
                label: choice.allowed
                  ? t(`rating.${choice.rating}`)
                  : `${t(`rating.${choice.rating}`)} — ${ratingChoiceRefusal(choice, t)}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('appeals.decisionReason')}
          rules={[{ required: true, min: 5, message: t('appeals.reasonRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
