import { Alert, Button, Space } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';

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
