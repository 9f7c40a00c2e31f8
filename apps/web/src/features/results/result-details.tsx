import { Alert, Descriptions, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { formatDateTime, formatScore } from '../../lib/format.ts';
import { HeadAssessmentForm } from '../evaluation/head-assessment-form.tsx';
import { SelfAssessmentView } from '../evaluation/self-assessment-view.tsx';
import { PersonEvidence } from '../evidence/person-evidence.tsx';
import { unitWithParent } from '../units/unit-name.ts';
import { ComponentsTable } from './components-table.tsx';
import { RatingTag } from './rating-tag.tsx';
import type { ResultRow } from './results-query.ts';
import { titleLabel } from './title-labels.ts';
import { TraceList } from './trace-list.tsx';

/** Everything behind one rating: score components, the engine's trace, flags and decisions. */
export function ResultDetails({
  result,
  onClose,
  assessCycleId,
  evidenceCycleId,
}: {
  result: ResultRow;
  onClose: () => void;
  /** set when the viewer may record the head's assessment (a head, during ASSESSMENT) */
  assessCycleId?: string | null;
  /** the cycle whose imported evidence of the person is shown (and corrected by those allowed) */
  evidenceCycleId?: string | null;
}) {
  useFocusReturn();
  const t = useT();
  return (
    <Drawer
      open
      width={Math.min(860, window.innerWidth)}
      title={result.person.fullName}
      onClose={onClose}
      destroyOnHidden
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('results.col.unit')}>{unitWithParent(result.unit)}</Descriptions.Item>
        <Descriptions.Item label={t('results.col.score')}>{formatScore(result.score)}</Descriptions.Item>
        <Descriptions.Item label={t('results.col.proposed')}>
          <RatingTag rating={result.proposedRating} /> → <RatingTag rating={result.engineRating} />
        </Descriptions.Item>
        <Descriptions.Item label={t('results.col.final')}>
          <RatingTag rating={result.finalRating} />
        </Descriptions.Item>
        {result.headComment && (
          <Descriptions.Item label={t('myResult.headComment')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{result.headComment}</span>
          </Descriptions.Item>
        )}
        {result.finalReason && (
          <Descriptions.Item label={t('results.finalReason')} span={2}>
            {result.finalReason}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('results.col.titles')} span={2}>
          {result.titles.length === 0
            ? t('app.none')
            : result.titles.map((title) => <Tag key={title}>{titleLabel(title, t)}</Tag>)}
        </Descriptions.Item>
      </Descriptions>
      {result.awaitingAssessmentMessage && (
        // the engine's words: the person is not scored until their head assesses them
        <Alert
          type="warning"
          showIcon
          title={result.awaitingAssessmentMessage}
          style={{ marginTop: 12 }}
          data-testid="awaiting-assessment"
        />
      )}

      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 20 }}>
        {t('self.byPerson')}
      </Typography.Title>
      <SelfAssessmentView assessment={result.selfAssessment} />

      {assessCycleId && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 20 }}>
            {t('assess.heading')}
          </Typography.Title>
          <HeadAssessmentForm cycleId={assessCycleId} personId={result.person.id} />
        </>
      )}

      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 20 }}>
        {t('myResult.breakdown')}
      </Typography.Title>
      <ComponentsTable components={result.components} score={result.score} />

      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 20 }}>
        {t('results.trace')}
      </Typography.Title>
      <TraceList trace={result.trace} />

      {evidenceCycleId && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 20 }}>
            {t('evidence.heading')}
          </Typography.Title>
          <PersonEvidence cycleId={evidenceCycleId} personId={result.person.id} />
        </>
      )}

      {result.flags.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 20 }}>
            {t('results.col.flags')}
          </Typography.Title>
          <List
            size="small"
            dataSource={result.flags}
            renderItem={(flag) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <Tag color="volcano">{t(`flag.${flag.kind}`)}</Tag>
                    <Tag>{t(`flagStatus.${flag.status}`)}</Tag>
                    <Tag>{t(`flagReview.${flag.review}`)}</Tag>
                  </Space>
                  <Typography.Text>{flag.reason}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}

      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 20 }}>
        {t('results.decisions')}
      </Typography.Title>
      {result.decisions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('app.none')} />
      ) : (
        <List
          size="small"
          dataSource={result.decisions}
          renderItem={(decision) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Tag>{t(`decision.${decision.kind}`)}</Tag>
                  <RatingTag rating={decision.fromRating} /> → <RatingTag rating={decision.toRating} />
                  {decision.number && <Typography.Text type="secondary">{decision.number}</Typography.Text>}
                </Space>
                <Typography.Text>{decision.reason}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(decision.decidedAt)} · {decision.decidedByName ?? ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
