import { Empty, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { CalibrationData } from './calibration-queries.ts';

const kindColors: Record<string, string> = {
  UNIFORM_ASSESSMENT: 'volcano',
  ALL_GOOD_OR_BETTER_LOW_EVIDENCE: 'orange',
  LEADER_ABOVE_UNIT: 'purple',
  RAISED_AGAINST_PROPOSAL: 'blue',
};

/** What the calibration found (uniform assessments, good ratings on little evidence…), each with its unit, assessor or person. */
export function CalibrationFindings({ findings }: { findings: CalibrationData['findings'] }) {
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
