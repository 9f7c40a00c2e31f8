import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { CycleSettingsActions } from '../cycle-settings/cycle-settings-actions.tsx';
import { ExportLinks } from '../documents/export-links.tsx';
import { earlierStatuses, nextStatus } from './cycle-steps.ts';
import { DeadlineTag } from './deadline-tag.tsx';
import { MoveCycle } from './move-cycle-mutation.ts';
import { RunProgress } from './run-progress.tsx';
import type { CycleRow, CycleStatus } from './use-cycles.ts';

const RunEvaluation = graphql(
  `
  mutation RunEvaluationPage($cycleId: ID!) {
    runEvaluation(cycleId: $cycleId) {
      __typename
      ... on RunEvaluationSuccess {
        data {
          id
          status
          total
          processed
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

/** The cycles with their step and deadline, the last evaluation run (followed while it runs) and, for a manager, the step moves, the run and the settings. */
export function CyclesTable(props: {
  cycles: CycleRow[];
  loading: boolean;
  canManage: boolean;
  onMoveBack: (cycle: CycleRow) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [, move] = useMutation(MoveCycle);
  const [, run] = useMutation(RunEvaluation);
  const [runs, setRuns] = useState<Record<string, string>>({});
  const { cycles, canManage } = props;
  const setMovingBack = props.onMoveBack;
  const refresh = props.onChanged;

  function confirmForward(cycle: CycleRow, to: CycleStatus) {
    const name = cycle.name;
    modal.confirm({
      title: t('cycles.moveForward', { status: t(`cycleStatus.${to}`) }),
      content:
        to === 'PUBLISHED'
          ? t('cycles.moveConfirmPublish', { name })
          : t('cycles.moveConfirm', { name, status: t(`cycleStatus.${to}`) }),
      okText: t('app.confirm'),
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await move({ id: cycle.id, to, version: cycle.version, reason: null });
        const outcome = result.data?.moveCycle;
        if (outcome?.__typename === 'MoveCycleSuccess') {
          void message.success(t('cycles.moved', { status: t(`cycleStatus.${to}`) }));
          refresh();
        } else if (outcome) void message.error(describeErrorResult(outcome, t), 8);
        else if (result.error) void message.error(describeCombinedError(result.error, t), 8);
      },
    });
  }

  function confirmRun(cycle: CycleRow) {
    modal.confirm({
      title: t('cycles.run'),
      content: t('cycles.runConfirm', { name: cycle.name }),
      okText: t('cycles.run'),
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await run({ cycleId: cycle.id });
        const outcome = result.data?.runEvaluation;
        if (outcome?.__typename === 'RunEvaluationSuccess')
          setRuns((r) => ({ ...r, [cycle.id]: outcome.data.id }));
        else if (outcome) void message.error(describeErrorResult(outcome, t), 8);
        else if (result.error) void message.error(describeCombinedError(result.error, t), 8);
      },
    });
  }

  return (
    <Table<CycleRow>
      rowKey="id"
      loading={props.loading}
      dataSource={cycles}
      pagination={false}
      scroll={{ x: 1150 }}
      locale={{ emptyText: t('cycles.empty') }}
      expandable={{
        expandedRowRender: (cycle) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{t('cycles.deadlines')}</Typography.Text>
            <Space wrap>
              {cycle.deadlines.map((deadline) => (
                <Tag key={deadline.stage}>
                  {t(`cycleStatus.${deadline.stage}`)}: {formatDate(deadline.dueOn)} ·{' '}
                  {t(`role.${deadline.ownerRole}`)}
                </Tag>
              ))}
              {cycle.deadlines.length === 0 && t('cycles.noDeadline')}
            </Space>
          </Space>
        ),
      }}
      columns={[
        {
          title: t('cycles.name'),
          key: 'name',
          width: 340,
          render: (_, cycle) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{cycle.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {cycle.year} · {cycle.scopeUnit.name} · {cycle.pack.name}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('cycles.status'),
          key: 'status',
          render: (_, cycle) => (
            <Space direction="vertical" size={4}>
              <Tag color={cycle.readOnly ? 'default' : 'blue'} data-testid="cycle-status">
                {t(`cycleStatus.${cycle.status}`)}
              </Tag>
              <DeadlineTag cycle={cycle} t={t} />
            </Space>
          ),
        },
        {
          title: t('cycles.lastRun'),
          key: 'run',
          width: 280,
          render: (_, cycle) => {
            const runId =
              runs[cycle.id] ?? (cycle.latestRun?.status === 'RUNNING' ? cycle.latestRun.id : undefined);
            if (runId)
              return (
                <RunProgress
                  runId={runId}
                  onFinished={() => {
                    setRuns(({ [cycle.id]: _done, ...rest }) => rest);
                    refresh();
                  }}
                />
              );
            const last = cycle.latestRun;
            if (!last) return <Typography.Text type="secondary">{t('cycles.neverRun')}</Typography.Text>;
            if (last.status === 'FAILED')
              return (
                <Typography.Text type="danger">
                  {t('cycles.runFailed', { message: last.message ?? '' })}
                </Typography.Text>
              );
            return t('cycles.runDone', { total: last.total, at: formatDateTime(last.finishedAt) });
          },
        },
        {
          title: t('app.actions'),
          key: 'actions',
          render: (_, cycle) => {
            const next = nextStatus(cycle.status);
            const back = earlierStatuses(cycle.status);
            const runnable = ['OPEN', 'ASSESSMENT', 'REVIEW'].includes(cycle.status);
            return (
              <Space wrap>
                {canManage && next && (
                  <Button type="primary" onClick={() => confirmForward(cycle, next)}>
                    {t('cycles.moveForward', { status: t(`cycleStatus.${next}`) })}
                  </Button>
                )}
                {canManage && runnable && (
                  <Button onClick={() => confirmRun(cycle)} disabled={Boolean(runs[cycle.id])}>
                    {t('cycles.run')}
                  </Button>
                )}
                {canManage && back.length > 0 && (
                  <Button danger onClick={() => setMovingBack(cycle)}>
                    {t('cycles.moveBack')}
                  </Button>
                )}
                {canManage && <CycleSettingsActions cycle={cycle} onChanged={refresh} />}
                {cycle.latestRun && <ExportLinks cycleId={cycle.id} />}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
