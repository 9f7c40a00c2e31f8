import { Alert, App, Button, Modal, Space } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format.ts';

// Reminders of missing self-assessments: the head or the personnel office sends them from the
// checklist; each person sees theirs on their own page until they dismiss it or submit.

export const MyRemindersQuery = graphql(`
  query MyReminders($cycleId: ID!) {
    myReminders(cycleId: $cycleId) {
      id
      kind
      sentByName
      sentAt
      dueOn
    }
  }
`);

const DismissReminder = graphql(`
  mutation DismissReminder($id: ID!) {
    dismissReminder(id: $id)
  }
`);

export const SendRemindersMutation = graphql(
  `
  mutation SendReminders($cycleId: ID!, $unitId: ID) {
    sendReminders(cycleId: $cycleId, unitId: $unitId) {
      __typename
      ... on SendRemindersSuccess {
        data {
          sent
          alreadyReminded
          dueOn
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

/** The signed-in person's reminders of the cycle, each with who sent it and the deadline. */
export function MyReminders({ cycleId }: { cycleId: string }) {
  const t = useT();
  const [result, refetch] = useQuery({ query: MyRemindersQuery, variables: { cycleId } });
  const [, dismiss] = useMutation(DismissReminder);
  const reminders = result.data?.myReminders ?? [];
  if (reminders.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="my-reminders">
      {reminders.map((reminder) => (
        <Alert
          key={reminder.id}
          type="warning"
          showIcon
          role="status"
          title={t('reminders.selfAssessment', {
            sender: reminder.sentByName,
            date: reminder.dueOn ? formatDate(reminder.dueOn) : t('reminders.noDeadline'),
          })}
          description={t('reminders.sentAt', { at: formatDateTime(reminder.sentAt) })}
          action={
            <Button
              size="small"
              onClick={async () => {
                await dismiss({ id: reminder.id });
                refetch({ requestPolicy: 'network-only' });
              }}
            >
              {t('reminders.dismiss')}
            </Button>
          }
        />
      ))}
    </Space>
  );
}

/** Sends the reminders, after a confirmation naming how many people are concerned. */
export function SendRemindersButton({ cycleId, count }: { cycleId: string; count: number }) {
  const t = useT();
  const { message } = App.useApp();
  const [state, send] = useMutation(SendRemindersMutation);
  return (
    <Button
      size="small"
      loading={state.fetching}
      disabled={count === 0}
      data-testid="send-reminders"
      onClick={() =>
        Modal.confirm({
          title: t('reminders.confirmTitle'),
          content: t('reminders.confirmBody', { count: formatInteger(count) }),
          okText: t('reminders.send'),
          cancelText: t('app.cancel'),
          onOk: async () => {
            const response = await send({ cycleId });
            const payload = response.data?.sendReminders;
            if (response.error) void message.error(describeCombinedError(response.error, t));
            else if (payload && payload.__typename !== 'SendRemindersSuccess')
              void message.error(describeErrorResult(payload, t));
            else if (payload)
              void message.success(
                t('reminders.sent', {
                  sent: formatInteger(payload.data.sent),
                  already: formatInteger(payload.data.alreadyReminded),
                }),
              );
          },
        })
      }
    >
      {t('reminders.send')}
    </Button>
  );
}
