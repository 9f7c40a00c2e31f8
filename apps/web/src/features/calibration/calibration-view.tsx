import { Alert, Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describeCombinedError } from '../../lib/error-message.ts';
import { formatInteger, formatScore } from '../../lib/format.ts';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { CalibrationFindings } from './calibration-findings.tsx';
import { CalibrationQuery } from './calibration-queries.ts';
import { CalibrationReviewBar } from './calibration-review-bar.tsx';
import { unitLabel } from './chart-scales.ts';
import { DistributionBars } from './distribution-bars.tsx';
import { EvidenceScatter } from './evidence-scatter.tsx';
import { QuotaUse } from './quota-use.tsx';

/** The calibration of one cycle: findings first, then the charts and the heads' assessments. */
export function CalibrationView({ cycle }: { cycle: CycleRow }) {
  const { t } = useI18n();
  const [result, reexecute] = useQuery({
    query: CalibrationQuery,
    variables: { cycleId: cycle.id, unitId: null },
  });
  if (result.error)
    return <Alert type="error" showIcon role="alert" title={describeCombinedError(result.error, t)} />;
  const data = result.data?.calibration;
  if (result.fetching && !data) return <Card loading />;
  if (!data || data.overall.people === 0) return <Empty description={t('calibration.noResults')} />;
  const overall = data.overall;
  return (
    <>
      <CalibrationReviewBar
        cycle={cycle}
        data={data}
        onRecorded={() => reexecute({ requestPolicy: 'network-only' })}
      />
      <Typography.Paragraph data-testid="calibration-overall">
        {t('calibration.overall', {
          people: formatInteger(overall.people),
          percent:
            overall.finalGoodOrBetterPercent === null
              ? '–'
              : `${formatScore(overall.finalGoodOrBetterPercent)}%`,
          evidence: overall.evidenceMean === null ? '–' : formatScore(overall.evidenceMean),
        })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={`${t('calibration.findings')} (${formatInteger(data.findings.length)})`}>
            <CalibrationFindings findings={data.findings} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('calibration.distribution')}>
            <DistributionBars units={data.units} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('calibration.scatter')}>
            <EvidenceScatter points={data.points} />
          </Card>
          <Card title={t('calibration.quota')} style={{ marginTop: 16 }}>
            <QuotaUse units={data.units} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('calibration.heads')}>
            <Table
              size="small"
              rowKey={(row) => `${row.assessor?.id ?? ''}:${row.unit?.id ?? ''}`}
              dataSource={data.heads}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('calibration.assessorColumn'), render: (_, row) => row.assessor?.name ?? '–' },
                { title: t('calibration.unit'), render: (_, row) => row.unit?.name ?? '–' },
                { title: t('calibration.assessed'), dataIndex: 'assessed', align: 'right' },
                { title: t('calibration.mean'), render: (_, row) => formatScore(row.mean), align: 'right' },
                {
                  title: t('calibration.range'),
                  render: (_, row) => `${formatScore(row.min)} – ${formatScore(row.max)}`,
                  align: 'right',
                },
                {
                  title: t('calibration.distinct'),
                  render: (_, row) =>
                    row.distinctValues === 1 && row.assessed > 1 ? (
                      <Tag color="volcano">{formatInteger(row.distinctValues)}</Tag>
                    ) : (
                      formatInteger(row.distinctValues)
                    ),
                  align: 'right',
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('calibration.unitsTable')}>
            <Table
              size="small"
              rowKey={(row) => row.unit.id}
              dataSource={data.units}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('calibration.unit'), render: (_, row) => unitLabel(row.unit) },
                { title: t('calibration.people'), dataIndex: 'people', align: 'right' },
                {
                  title: t('calibration.goodOrBetter'),
                  align: 'right',
                  render: (_, row) =>
                    row.finalGoodOrBetterPercent === null
                      ? '–'
                      : `${formatScore(row.finalGoodOrBetterPercent)}%`,
                },
                {
                  title: t('calibration.evidenceMean'),
                  align: 'right',
                  render: (_, row) => (row.evidenceMean === null ? '–' : formatScore(row.evidenceMean)),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
