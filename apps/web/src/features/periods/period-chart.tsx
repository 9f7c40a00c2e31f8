import { Card, Empty, Table, Tag, Typography } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatScore } from '../../lib/format.ts';

type PersonPeriod = {
  period: number;
  label: string;
  tasks: number;
  late: number;
  failedReviews: number;
  excused: number;
  assessment: number | null;
  closed: boolean;
  score: { score: number; tasks: number; conduct: number; reform: number; citizens: number } | null;
};

/** A person's period scores over the year, stacked by component, with each period's reasons below. */
export function PeriodChart(props: { periods: readonly PersonPeriod[]; yearScore: number | null }) {
  const t = useT();
  const data = props.periods.map((row) => ({
    name: row.label,
    tasks: row.score?.tasks ?? 0,
    conduct: row.score?.conduct ?? 0,
    reform: row.score?.reform ?? 0,
    citizens: row.score?.citizens ?? 0,
  }));
  if (props.periods.every((row) => row.score === null)) return <Empty description={t('periods.noScores')} />;
  return (
    <Card
      title={t('periods.chartTitle')}
      extra={
        <Typography.Text strong data-testid="year-score">
          {t('periods.yearScore', { score: formatScore(props.yearScore) })}
        </Typography.Text>
      }
    >
      <div
        style={{ width: '100%', height: 280 }}
        data-testid="period-chart"
        role="img"
        aria-label={t('periods.chartTitle')}
      >
        <ResponsiveContainer>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            <Legend />
            <Bar dataKey="tasks" stackId="s" name={t('periods.componentTasks')} fill="#a61d24" />
            <Bar dataKey="conduct" stackId="s" name={t('periods.componentConduct')} fill="#d4a017" />
            <Bar dataKey="reform" stackId="s" name={t('periods.componentReform')} fill="#2f6f9f" />
            <Bar dataKey="citizens" stackId="s" name={t('periods.componentCitizens')} fill="#4c8c4a" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table<PersonPeriod>
        size="small"
        style={{ marginTop: 16 }}
        rowKey="period"
        pagination={false}
        dataSource={[...props.periods]}
        columns={[
          { title: t('periods.period'), dataIndex: 'label', key: 'label' },
          {
            title: t('periods.score'),
            key: 'score',
            render: (_, row) => (row.score ? formatScore(row.score.score) : t('periods.notScored')),
          },
          {
            title: t('periods.reasons'),
            key: 'reasons',
            render: (_, row) =>
              row.tasks === 0
                ? t('periods.noWorkInPeriod')
                : t('periods.reasonLine', {
                    tasks: row.tasks,
                    late: row.late,
                    failed: row.failedReviews,
                    excused: row.excused,
                    assessment: row.assessment === null ? '—' : formatScore(row.assessment),
                    taskPoints: formatScore(row.score?.tasks ?? null),
                  }),
          },
          {
            title: t('periods.state'),
            key: 'closed',
            render: (_, row) =>
              row.closed ? (
                <Tag color="red">{t('periods.stateClosed')}</Tag>
              ) : (
                <Tag color="green">{t('periods.stateOpen')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
