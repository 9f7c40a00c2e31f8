import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DeadlineTag } from '../cycles/deadline-tag.tsx';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { MyReminders } from '../reminders/my-reminders.tsx';
import { type RatingValue, ratingDisplayOrder } from '../results/rating-display.ts';

const SubmitSelfAssessment = graphql(
  `
  mutation SubmitSelfAssessmentPage($cycleId: ID!, $input: SelfAssessmentInput!, $version: Int) {
    submitSelfAssessment(cycleId: $cycleId, input: $input, version: $version) {
      __typename
      ... on SubmitSelfAssessmentSuccess {
        data {
          id
          achievements
          shortcomings
          proposedRating
          submittedAt
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

type SelfValues = { achievements: string; shortcomings?: string; proposedRating: RatingValue };
type SelfAssessmentRow = {
  id: string;
  achievements: string;
  shortcomings: string | null;
  proposedRating: RatingValue;
  submittedAt: string | null;
  version: number;
};

export function SelfAssessmentForm({
  cycle,
  current,
  onSaved,
}: {
  cycle: CycleRow;
  current: SelfAssessmentRow | null;
  onSaved: () => void;
}) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<SelfValues>();
  const [state, submit] = useMutation(SubmitSelfAssessment);
  const [error, setError] = useState<string | null>(null);
  const open = cycle.status === 'OPEN';

  async function save(values: SelfValues, file: boolean) {
    setError(null);
    const result = await submit({
      cycleId: cycle.id,
      version: current?.version ?? null,
      input: {
        achievements: values.achievements.trim(),
        shortcomings: values.shortcomings?.trim() || null,
        proposedRating: values.proposedRating,
        submit: file,
      },
    });
    const outcome = result.data?.submitSelfAssessment;
    if (outcome?.__typename === 'SubmitSelfAssessmentSuccess') {
      void message.success(
        file ? t('self.submitted', { at: formatDateTime(outcome.data.submittedAt) }) : t('self.saved'),
      );
      onSaved();
    } else if (outcome) setError(describeErrorResult(outcome, t));
    else if (result.error) setError(describeCombinedError(result.error, t));
  }

  return (
    <Card title={t('self.heading')} data-testid="self-assessment">
      {open && !current?.submittedAt && <MyReminders cycleId={cycle.id} />}
      {!open && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('self.closed', { name: cycle.name, status: t(`cycleStatus.${cycle.status}`) })}
        />
      )}
      {open && (
        <Typography.Paragraph data-testid="self-deadline">
          {t('self.deadline')} <DeadlineTag cycle={cycle} t={t} />
        </Typography.Paragraph>
      )}
      {current?.submittedAt && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('self.submitted', { at: formatDateTime(current.submittedAt) })}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<SelfValues>
        form={form}
        layout="vertical"
        disabled={!open}
        initialValues={{
          achievements: current?.achievements ?? '',
          shortcomings: current?.shortcomings ?? '',
          proposedRating: current?.proposedRating ?? 'GOOD',
        }}
        onFinish={(values) =>
          modal.confirm({
            title: t('self.submit'),
            content: t('self.submitConfirm'),
            okText: t('self.submit'),
            cancelText: t('app.cancel'),
            onOk: () => save(values, true),
          })
        }
      >
        <Form.Item
          name="achievements"
          label={t('self.achievements')}
          rules={[{ required: true, whitespace: true, message: t('self.achievementsRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="shortcomings" label={t('self.shortcomings')}>
          <Input.TextArea rows={3} maxLength={3000} showCount />
        </Form.Item>
        <Form.Item name="proposedRating" label={t('self.proposedRating')} rules={[{ required: true }]}>
          <Select
            options={ratingDisplayOrder
              .filter((rating) => rating !== 'NOT_RATED')
              .map((rating) => ({ value: rating, label: t(`rating.${rating}`) }))}
          />
        </Form.Item>
        {open && (
          <Space wrap>
            {/* a filed self-assessment is revised by filing it again, never taken back to a draft */}
            {!current?.submittedAt && (
              <Button
                loading={state.fetching}
                onClick={() => {
                  void form.validateFields().then((values) => save(values, false));
                }}
              >
                {t('self.saveDraft')}
              </Button>
            )}
            <Button type="primary" htmlType="submit" loading={state.fetching}>
              {current?.submittedAt ? t('self.resubmit') : t('self.submit')}
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
