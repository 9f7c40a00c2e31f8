import { Alert, Progress, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError } from '../../lib/error-message.ts';
import { PeriodProgressQuery, periodNumbers, periodShortLabel } from './period-documents.ts';

type Row = { unit: { id: string; code: string; name: string }; closedPeriods: number[] };

/** Which units have closed which periods: the province's progress for the personnel office. */
export function PeriodProgressView(props: { cycleId: string; periodKind: 'YEAR' | 'QUARTER' | 'MONTH' }) {
  const t = useT();
  const [result] = useQuery({
    query: PeriodProgressQuery,
    variables: { cycleId: props.cycleId },
    requestPolicy: 'cache-and-network',
  });
  if (result.error) return <Alert type="error" title={describeCombinedError(result.error, t)} />;
  const progress = result.data?.periodProgress;
  const periods = periodNumbers(props.periodKind);
  return (
    <div>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        {periods.map((period) => (
          <Space
            key={period}
            orientation="vertical"
            align="center"
            size={0}
            data-testid={`progress-${period}`}
          >
            <Progress
              aria-label={`${periodShortLabel(props.periodKind, period)}: ${progress?.closedCounts[period - 1] ?? 0}/${progress?.unitCount ?? 0}`}
              type="circle"
              size={72}
              percent={
                progress?.unitCount
                  ? Math.round(((progress.closedCounts[period - 1] ?? 0) / progress.unitCount) * 100)
                  : 0
              }
            />
            <Typography.Text>
              {periodShortLabel(props.periodKind, period)}: {progress?.closedCounts[period - 1] ?? 0}/
              {progress?.unitCount ?? 0}
            </Typography.Text>
          </Space>
        ))}
      </Space>
      <Table<Row>
        size="small"
        rowKey={(row) => row.unit.id}
        loading={result.fetching && !progress}
        dataSource={progress?.units ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('periods.unit'), key: 'unit', render: (_, row) => row.unit.name },
          ...periods.map((period) => ({
            title: periodShortLabel(props.periodKind, period),
            key: `p${period}`,
            width: 80,
            filters: [
              { text: t('periods.stateClosed'), value: 'closed' },
              { text: t('periods.stateOpen'), value: 'open' },
            ],
            onFilter: (value: boolean | React.Key, row: Row) =>
              (value === 'closed') === row.closedPeriods.includes(period),
            render: (_: unknown, row: Row) =>
              row.closedPeriods.includes(period) ? (
                <Tag color="red">{t('periods.stateClosed')}</Tag>
              ) : (
                <Tag>{t('periods.stateOpen')}</Tag>
              ),
          })),
        ]}
      />
    </div>
  );
}
