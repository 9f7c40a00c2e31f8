import { Descriptions, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { RatingTag } from '../results/rating-tag.tsx';
import type { ResultRow } from '../results/results-query.ts';

/** What the person filed about their own year, read by the head before assessing (and by the office). */
export function SelfAssessmentView({ assessment }: { assessment: ResultRow['selfAssessment'] }) {
  const t = useT();
  if (!assessment) return <Typography.Text type="secondary">{t('self.none')}</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered data-testid="self-assessment">
      <Descriptions.Item label={t('self.proposedRating')}>
        <RatingTag rating={assessment.proposedRating} />
        {assessment.submittedAt && (
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t('self.submitted', { at: formatDateTime(assessment.submittedAt) })}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('self.achievements')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {assessment.achievements}
        </Typography.Paragraph>
      </Descriptions.Item>
      {assessment.shortcomings && (
        <Descriptions.Item label={t('self.shortcomings')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {assessment.shortcomings}
          </Typography.Paragraph>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
