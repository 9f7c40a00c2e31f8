import { Alert, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';

const RunQuery = graphql(`
  query EvaluationRunProgress($id: ID!) {
    evaluationRun(id: $id) {
      id
      status
      total
      processed
      message
      finishedAt
    }
  }
`);

/** A run's progress bar, polled every second until the run has finished. */
export function RunProgress({ runId, onFinished }: { runId: string; onFinished?: (ok: boolean) => void }) {
  const t = useT();
  const [result, reexecute] = useQuery({
    query: RunQuery,
    variables: { id: runId },
    requestPolicy: 'network-only',
  });
  const run = result.data?.evaluationRun;
  const running = !run || run.status === 'RUNNING';

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), 1000);
    return () => clearInterval(timer);
  }, [running, reexecute]);

  const status = run?.status;
  // biome-ignore lint/correctness/useExhaustiveDependencies: report once per final status
  useEffect(() => {
    if (status && status !== 'RUNNING') onFinished?.(status === 'SUCCEEDED');
  }, [status]);

  if (!run) return <Progress percent={0} status="active" aria-label={t('cycles.run')} />;
  const percent =
    run.total > 0 ? Math.round((run.processed / run.total) * 100) : run.status === 'RUNNING' ? 0 : 100;
  if (run.status === 'FAILED') {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('cycles.runFailed', { message: run.message ?? '' })}
        data-testid="run-failed"
      />
    );
  }
  return (
    <div data-testid="run-progress" aria-live="polite">
      <Progress
        percent={percent}
        status={run.status === 'RUNNING' ? 'active' : 'success'}
        aria-label={t('cycles.run')}
      />
      <Typography.Text type="secondary">
        {run.status === 'RUNNING'
          ? t('cycles.running', { processed: formatInteger(run.processed), total: formatInteger(run.total) })
          : t('cycles.runDone', { total: formatInteger(run.total), at: formatDateTime(run.finishedAt) })}
      </Typography.Text>
    </div>
  );
}
