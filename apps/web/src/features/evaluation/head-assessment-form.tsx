import { Alert, App, Button, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';

const AssessPerson = graphql(
  `
  mutation AssessPersonPage($cycleId: ID!, $personId: ID!, $a: Float!, $comment: String, $version: Int) {
    assessPerson(cycleId: $cycleId, personId: $personId, conductAssessment: $a, comment: $comment, version: $version) {
      __typename
      ... on AssessPersonSuccess {
        data {
          id
          conductAssessment
          comment
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

type Values = { a: number; comment?: string };

/** The head's conduct assessment A of one person, during the heads' assessment step. */
export function HeadAssessmentForm({ cycleId, personId }: { cycleId: string; personId: string }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [state, assess] = useMutation(AssessPerson);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState<number | null>(null);

  async function save(values: Values, withVersion: number | null) {
    setError(null);
    const result = await assess({
      cycleId,
      personId,
      a: values.a,
      comment: values.comment?.trim() || null,
      version: withVersion,
    });
    const outcome = result.data?.assessPerson;
    if (outcome?.__typename === 'AssessPersonSuccess') {
      setVersion(outcome.data.version);
      void message.success(t('assess.saved'));
    } else if (outcome?.__typename === 'ConflictError' && typeof outcome.currentVersion === 'number') {
      const current = outcome.currentVersion;
      // an earlier assessment exists: replace it only when the head says so
      modal.confirm({
        title: t('assess.heading'),
        content: t('assess.overwrite', { version: current }),
        okText: t('assess.save'),
        cancelText: t('app.cancel'),
        onOk: () => save(values, current),
      });
    } else if (outcome) setError(describeErrorResult(outcome, t));
    else if (result.error) setError(describeCombinedError(result.error, t));
  }

  return (
    <section aria-label={t('assess.heading')} data-testid="head-assessment">
      <Typography.Paragraph type="secondary">{t('assess.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        layout="vertical"
        onFinish={(values) => void save(values, version)}
        initialValues={{ a: 10 }}
      >
        <Form.Item
          name="a"
          label={t('assess.value')}
          rules={[{ required: true, type: 'number', min: 0, max: 10 }]}
        >
          <InputNumber min={0} max={10} step={0.5} decimalSeparator="," />
        </Form.Item>
        <Form.Item name="comment" label={t('assess.comment')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={state.fetching}>
          {t('assess.save')}
        </Button>
      </Form>
    </section>
  );
}
