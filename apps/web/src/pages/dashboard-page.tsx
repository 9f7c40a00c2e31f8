import { Alert, Card, Col, Empty, Row, Space, Statistic, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useClient, useQuery } from 'urql';
import { ChecklistCard } from '../features/calibration/checklist-card.tsx';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { DeadlineTag } from '../features/cycles/deadline-tag.tsx';
import { type CycleRow, cycleStatuses, useCycles } from '../features/cycles/use-cycles.ts';
import {
  FlagCountsQuery,
  type RatingCounts,
  RatingCountsQuery,
  toRatingCounts,
} from '../features/results/rating-counts.ts';
import { type RatingValue, ratingDisplayOrder } from '../features/results/rating-display.ts';
import { useUnits } from '../features/units/unit-tree-select.tsx';
import { graphql } from '../graphql/graphql.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatDate, formatInteger } from '../lib/format.ts';

const PeopleCount = graphql(`
  query DashboardPeopleCount {
    people(first: 1) {
      totalCount
    }
  }
`);

const ratingColors: Record<RatingValue, string> = {
  EXCELLENT: '#389e0d',
  GOOD: '#1677ff',
  COMPLETED: '#d4b106',
  NOT_COMPLETED: '#cf1322',
  NOT_RATED: '#8c8c8c',
};
const chartRatings = ratingDisplayOrder;
const maxUnitsInChart = 16;

type Bucket = { name: string } & RatingCounts;

/** The ratings of each unit directly under the cycle's agency, counted on the server. */
function useDistribution(cycle: CycleRow | null) {
  const client = useClient();
  const { units } = useUnits();
  const [state, setState] = useState<{
    rows: Bucket[];
    loading: boolean;
    error: string | null;
    more: number;
  }>({
    rows: [],
    loading: false,
    error: null,
    more: 0,
  });
  const cycleId = cycle?.id;
  const scopeId = cycle?.scopeUnit.id;
  useEffect(() => {
    if (!cycleId || !scopeId || units.length === 0) return;
    let cancelled = false;
    const children = units.filter((unit) => unit.parent?.id === scopeId);
    const chosen = (children.length > 0 ? children : units.filter((unit) => unit.id === scopeId)).slice(
      0,
      maxUnitsInChart,
    );
    setState((s) => ({ ...s, loading: true, error: null }));
    void Promise.all(
      chosen.map(async (unit) => {
        const result = await client.query(RatingCountsQuery, { cycleId, unitId: unit.id }).toPromise();
        if (!result.data) throw new Error(result.error?.message ?? 'no data');
        return { name: unit.name, ...toRatingCounts(result.data) };
      }),
    )
      .then((rows) => {
        if (!cancelled)
          setState({
            rows,
            loading: false,
            error: null,
            more: Math.max(0, children.length - maxUnitsInChart),
          });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ rows: [], loading: false, error: String(error), more: 0 });
      });
    return () => {
      cancelled = true;
    };
  }, [client, cycleId, scopeId, units]);
  return state;
}

/** The same counts for the whole scope, one bar per cycle (year). */
function useYears(cycles: readonly CycleRow[]) {
  const client = useClient();
  const [rows, setRows] = useState<Bucket[]>([]);
  const ids = cycles.map((cycle) => cycle.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids say when the cycles changed
  useEffect(() => {
    let cancelled = false;
    const withRuns = cycles.filter((cycle) => cycle.latestRun).slice(0, 6);
    void Promise.all(
      withRuns.map(async (cycle) => {
        const result = await client.query(RatingCountsQuery, { cycleId: cycle.id, unitId: null }).toPromise();
        return result.data ? { name: String(cycle.year), ...toRatingCounts(result.data) } : null;
      }),
    ).then((all) => {
      if (!cancelled) setRows(all.filter((row): row is Bucket => row !== null).reverse());
    });
    return () => {
      cancelled = true;
    };
  }, [client, ids]);
  return rows;
}

function RatingChart({ rows, height, byYear }: { rows: Bucket[]; height: number; byYear?: boolean }) {
  const t = useT();
  if (byYear) {
    return (
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ left: 0, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} tickFormatter={(value: number) => formatInteger(value)} />
          <Tooltip formatter={(value) => formatInteger(Number(value))} />
          {chartRatings.map((rating) => (
            <Bar
              key={rating}
              dataKey={rating}
              stackId="r"
              name={t(`rating.${rating}`)}
              fill={ratingColors[rating]}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => formatInteger(value)} />
        <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => formatInteger(Number(value))} />
        <Legend />
        {chartRatings.map((rating) => (
          <Bar
            key={rating}
            dataKey={rating}
            stackId="r"
            name={t(`rating.${rating}`)}
            fill={ratingColors[rating]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

function CycleProgress({ cycle }: { cycle: CycleRow }) {
  const t = useT();
  const current = cycleStatuses.indexOf(cycle.status);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{cycle.name}</Typography.Text>
        <DeadlineTag cycle={cycle} t={t} />
      </Space>
      <Steps
        size="small"
        current={current}
        responsive
        items={cycleStatuses.map((status) => {
          const deadline = cycle.deadlines.find((item) => item.stage === status);
          return {
            title: t(`cycleStatus.${status}`),
            description: deadline ? formatDate(deadline.dueOn) : undefined,
          };
        })}
      />
    </Space>
  );
}

export function DashboardPage() {
  const t = useT();
  const { cycles, selected, select, error } = useCycles();
  const [people] = useQuery({ query: PeopleCount });
  const [flags] = useQuery({
    query: FlagCountsQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected?.latestRun,
  });
  const distribution = useDistribution(selected?.latestRun ? selected : null);
  const years = useYears(cycles);
  const flagData = flags.data;
  const flagTotal = flagData
    ? flagData.streamlining.totalCount +
      flagData.dismissal.totalCount +
      flagData.rotation.totalCount +
      flagData.weak.totalCount
    : null;

  return (
    <section aria-labelledby="dashboard-heading">
      <Space wrap align="end" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} id="dashboard-heading" style={{ fontSize: 22, margin: 0 }}>
          {t('dashboard.heading')}
        </Typography.Title>
        {cycles.length > 0 && <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />}
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={describeCombinedError(error, t)} />}
      <Row gutter={[16, 16]}>
        {selected && (
          <Col xs={24}>
            <ChecklistCard cycleId={selected.id} />
          </Col>
        )}
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={t('dashboard.people')}
              value={people.data ? formatInteger(people.data.people.totalCount) : '–'}
              loading={people.fetching}
            />
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card data-testid="flag-counts">
            <Statistic
              title={t('dashboard.flags')}
              value={flagTotal === null ? '–' : formatInteger(flagTotal)}
            />
            {flagData && (
              <Space wrap size="large" style={{ marginTop: 8 }}>
                <Typography.Text>
                  {t('flag.STREAMLINING')}: <strong>{formatInteger(flagData.streamlining.totalCount)}</strong>
                </Typography.Text>
                <Typography.Text>
                  {t('flag.DISMISSAL_REVIEW')}:{' '}
                  <strong>{formatInteger(flagData.dismissal.totalCount)}</strong>
                </Typography.Text>
                <Typography.Text>
                  {t('flag.ROTATION')}: <strong>{formatInteger(flagData.rotation.totalCount)}</strong>
                </Typography.Text>
                <Typography.Text>
                  {t('flag.WEAK_PERFORMANCE')}: <strong>{formatInteger(flagData.weak.totalCount)}</strong>
                </Typography.Text>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('dashboard.progress')}>
            {cycles.length === 0 ? (
              <Empty description={t('cycles.empty')} />
            ) : (
              <Space direction="vertical" size="large" style={{ width: '100%' }}>
                {cycles.map((cycle) => (
                  <CycleProgress key={cycle.id} cycle={cycle} />
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            title={`${t('dashboard.distribution')}${selected ? ` · ${t('dashboard.distributionYear', { year: selected.year })}` : ''}`}
            loading={distribution.loading}
            data-testid="distribution"
          >
            {distribution.error && <Alert type="error" showIcon title={t('error.unexpected')} />}
            {!selected?.latestRun ? (
              <Empty description={t('dashboard.noResults')} />
            ) : (
              <RatingChart
                rows={distribution.rows}
                height={Math.max(260, distribution.rows.length * 34 + 80)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('dashboard.byYear')}>
            {years.length === 0 ? (
              <Empty description={t('dashboard.noResults')} />
            ) : (
              <RatingChart rows={years} height={300} byYear />
            )}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
