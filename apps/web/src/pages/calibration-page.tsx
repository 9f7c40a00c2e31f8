import { Alert, Empty, Space, Typography } from 'antd';
import { CalibrationView } from '../features/calibration/calibration-view.tsx';
import { ChecklistCard } from '../features/calibration/checklist-card.tsx';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';

export function CalibrationPage() {
  const t = useT();
  const { cycles, selected, select, error, fetching } = useCycles();
  return (
    <section aria-labelledby="calibration-heading">
      <Space wrap align="end" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} id="calibration-heading" style={{ fontSize: 22, margin: 0 }}>
          {t('calibration.heading')}
        </Typography.Title>
        {cycles.length > 0 && <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />}
      </Space>
      <Typography.Paragraph>{t('calibration.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={describeCombinedError(error, t)} />}
      {!fetching && !error && cycles.length === 0 && <Empty description={t('cycles.empty')} />}
      {selected && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <ChecklistCard cycleId={selected.id} />
          <CalibrationView key={selected.id} cycle={selected} />
        </Space>
      )}
    </section>
  );
}
