import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { type CycleRow, type CycleStatus, cycleStatuses } from '../cycles/use-cycles.ts';

const UpdateDeadlines = graphql(
  `
  mutation UpdateCycleDeadlines($cycleId: ID!, $deadlines: [CycleDeadlineInput!]!, $reason: String!, $version: Int!) {
    updateCycleDeadlines(cycleId: $cycleId, deadlines: $deadlines, reason: $reason, version: $version) {
      __typename
      ... on UpdateCycleDeadlinesSuccess {
        data {
          id
          version
          deadlines {
            stage
            dueOn
            ownerRole
          }
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

type Role = 'ADMIN' | 'OFFICER' | 'UNIT_HEAD' | 'COUNCIL_MEMBER' | 'STAFF';

// who owns each stage's deadline when the cycle named none (DOMAIN.md §6)
const defaultOwner: Partial<Record<CycleStatus, Role>> = {
  OPEN: 'STAFF',
  ASSESSMENT: 'UNIT_HEAD',
  REVIEW: 'COUNCIL_MEMBER',
  APPROVED: 'OFFICER',
  PUBLISHED: 'OFFICER',
};
const stages = cycleStatuses.filter((status) => defaultOwner[status]);

/** The deadline of each stage with who owns it, changed with a reason. */
export function DeadlinesModal({ cycle, onClose }: { cycle: CycleRow; onClose: (changed: boolean) => void }) {
  useFocusReturn();
  const t = useT();
  const [state, update] = useMutation(UpdateDeadlines);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, Dayjs | null> & { reason: string }>();
  const initial = Object.fromEntries(
    stages.map((stage) => {
      const deadline = cycle.deadlines.find((row) => row.stage === stage);
      return [stage, deadline ? dayjs(deadline.dueOn) : null];
    }),
  );
  return (
    <Modal
      open
      title={t('cycleSettings.deadlinesTitle', { name: cycle.name })}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      okButtonProps={{ disabled: state.fetching }}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={async (values) => {
          setError(null);
          const deadlines = stages.flatMap((stage) => {
            const value = values[stage];
            return value
              ? [
                  {
                    stage,
                    dueOn: value.format('YYYY-MM-DD'),
                    ownerRole: (cycle.deadlines.find((row) => row.stage === stage)?.ownerRole ??
                      defaultOwner[stage]) as Role,
                  },
                ]
              : [];
          });
          const result = await update({
            cycleId: cycle.id,
            deadlines,
            reason: values.reason,
            version: cycle.version,
          });
          const outcome = result.data?.updateCycleDeadlines;
          if (outcome?.__typename === 'UpdateCycleDeadlinesSuccess') onClose(true);
          else if (outcome) setError(describeErrorResult(outcome, t));
          else if (result.error) setError(describeCombinedError(result.error, t));
        }}
      >
        {stages.map((stage) => (
          <Form.Item key={stage} name={stage} label={t(`cycleStatus.${stage}`)}>
            <DatePicker format="DD/MM/YYYY" allowClear />
          </Form.Item>
        ))}
        <Form.Item
          name="reason"
          label={t('cycleSettings.reason')}
          rules={[{ required: true, min: 5, whitespace: true, message: t('cycleSettings.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}
