import { Alert, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { ChecklistCard } from '../features/calibration/checklist-card.tsx';
import { CycleProgress } from '../features/cycles/cycle-progress.tsx';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { FlagCountsCard } from '../features/flags/flag-counts-card.tsx';
import { PeopleCountCard } from '../features/people/people-count-card.tsx';
import { RatingChart } from '../features/results/rating-chart.tsx';
import { useRatingDistribution } from '../features/results/use-rating-distribution.ts';
import { useRatingsByYear } from '../features/results/use-ratings-by-year.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';

export function DashboardPage() {
  const t = useT();
  const { cycles, selected, select, error } = useCycles();
  const distribution = useRatingDistribution(selected?.latestRun ? selected : null);
  const years = useRatingsByYear(cycles);

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
          <PeopleCountCard />
        </Col>
        <Col xs={24} md={16}>
          <FlagCountsCard cycle={selected} />
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
