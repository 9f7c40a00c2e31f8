import { App, Button, Modal } from 'antd';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { formatInteger } from '../../lib/format.ts';

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
