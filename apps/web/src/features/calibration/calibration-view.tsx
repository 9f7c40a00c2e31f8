import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  List,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/session.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { formatDateTime, formatInteger, formatScore } from '../../lib/format.ts';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { DistributionBars, EvidenceScatter, QuotaUse, unitLabel } from './calibration-charts.tsx';
import { type CalibrationData, CalibrationQuery, ReviewCalibrationMutation } from './calibration-queries.ts';

const kindColors: Record<string, string> = {
  UNIFORM_ASSESSMENT: 'volcano',
  ALL_GOOD_OR_BETTER_LOW_EVIDENCE: 'orange',
  LEADER_ABOVE_UNIT: 'purple',
  RAISED_AGAINST_PROPOSAL: 'blue',
};

function Findings({ findings }: { findings: CalibrationData['findings'] }) {
  const { t, locale } = useI18n();
  if (findings.length === 0) return <Empty description={t('calibration.noFindings')} />;
  return (
    <List
      size="small"
      dataSource={findings}
      renderItem={(finding) => (
        <List.Item data-testid={`finding-${finding.kind}`}>
          <Space direction="vertical" size={2}>
            <Space wrap>
              <Tag color={kindColors[finding.kind]}>{t(`calibration.kind.${finding.kind}`)}</Tag>
              {finding.unit && <Typography.Text strong>{finding.unit.name}</Typography.Text>}
              {finding.assessor && (
                <Typography.Text>
                  {t('calibration.assessor', { name: finding.assessor.name })}
                </Typography.Text>
              )}
              {finding.personName && <Typography.Text>{finding.personName}</Typography.Text>}
            </Space>
            <Typography.Text>{locale === 'en' ? finding.detailEn : finding.detail}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

function ReviewBar({
  cycle,
  data,
  onRecorded,
}: {
  cycle: CycleRow;
  data: CalibrationData;
  onRecorded: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const role = session.data?.user.role;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [state, review] = useMutation(ReviewCalibrationMutation);
  const [error, setError] = useState<string | null>(null);
  const mayRecord = role === 'COUNCIL_MEMBER' || role === 'OFFICER' || role === 'ADMIN';
  const last = data.reviews.at(-1);

  async function submit() {
    setError(null);
    const result = await review({ cycleId: cycle.id, note: note.trim() || null });
    const outcome = result.data?.reviewCalibration;
    if (result.error) setError(describeCombinedError(result.error, t));
    else if (outcome && outcome.__typename !== 'ReviewCalibrationSuccess')
      setError(describeErrorResult(outcome, t));
    else {
      setOpen(false);
      setNote('');
      void message.success(t('calibration.recorded'));
      onRecorded();
    }
  }

  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {last ? (
        <Tag color="green" data-testid="calibration-reviewed">
          {t('calibration.reviewed', { name: last.byName ?? '–', at: formatDateTime(last.at) })}
        </Tag>
      ) : (
        <Tag color="gold">{t('calibration.notReviewed')}</Tag>
      )}
      {mayRecord && (
        <Button
          type="primary"
          disabled={cycle.status !== 'REVIEW'}
          title={cycle.status !== 'REVIEW' ? t('calibration.reviewOnlyInReview') : undefined}
          onClick={() => setOpen(true)}
        >
          {t('calibration.review')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('calibration.review')}
        okText={t('app.confirm')}
        cancelText={t('app.cancel')}
        confirmLoading={state.fetching}
        okButtonProps={{ disabled: state.fetching }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>
          {t('calibration.reviewConfirm', { count: formatInteger(data.findings.length) })}
        </Typography.Paragraph>
        <label htmlFor="calibration-note">{t('calibration.reviewNote')}</label>
        <Input.TextArea
          id="calibration-note"
          rows={3}
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
        />
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
      </Modal>
    </Space>
  );
}

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
      <ReviewBar cycle={cycle} data={data} onRecorded={() => reexecute({ requestPolicy: 'network-only' })} />
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
            <Findings findings={data.findings} />
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
