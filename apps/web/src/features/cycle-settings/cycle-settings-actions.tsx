import { App, Button } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { DeadlinesModal } from './deadlines-modal.tsx';

const DeleteCycle = graphql(
  `
  mutation DeleteDraftCycle($id: ID!, $version: Int!) {
    deleteCycle(id: $id, version: $version) {
      __typename
      ... on DeleteCycleSuccess {
        data {
          id
          name
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

/** The office edits a cycle's deadlines (with a reason, until archived) and deletes a mistaken draft (after confirming). */
export function CycleSettingsActions({ cycle, onChanged }: { cycle: CycleRow; onChanged: () => void }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [, remove] = useMutation(DeleteCycle);
  const [editing, setEditing] = useState(false);
  return (
    <>
      {cycle.status !== 'ARCHIVED' && (
        <Button onClick={() => setEditing(true)}>{t('cycleSettings.editDeadlines')}</Button>
      )}
      {cycle.status === 'DRAFT' && (
        <Button
          danger
          onClick={() =>
            modal.confirm({
              title: t('cycleSettings.deleteTitle', { name: cycle.name }),
              content: t('cycleSettings.deleteConfirm'),
              okText: t('cycleSettings.delete'),
              okButtonProps: { danger: true },
              cancelText: t('app.cancel'),
              onOk: async () => {
                const result = await remove({ id: cycle.id, version: cycle.version });
                const outcome = result.data?.deleteCycle;
                if (outcome?.__typename === 'DeleteCycleSuccess') {
                  void message.success(t('cycleSettings.deleted', { name: cycle.name }));
                  onChanged();
                } else if (outcome) void message.error(describeErrorResult(outcome, t), 8);
                else if (result.error) void message.error(describeCombinedError(result.error, t), 8);
              },
            })
          }
        >
          {t('cycleSettings.delete')}
        </Button>
      )}
      {editing && (
        <DeadlinesModal
          cycle={cycle}
          onClose={(changed) => {
            setEditing(false);
            if (changed) {
              void message.success(t('cycleSettings.deadlinesSaved'));
              onChanged();
            }
          }}
        />
      )}
    </>
  );
}
