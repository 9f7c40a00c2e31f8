import { Alert, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { CycleSelect } from '../features/cycle-select.tsx';
import { CyclePeriodKindQuery } from '../features/periods/period-documents.ts';
import { PeriodTracking } from '../features/periods/period-tracking.tsx';
import { UnitTreeSelect, useUnits } from '../features/unit-tree-select.tsx';
import { useCycles } from '../features/use-cycles.ts';
import { useT } from '../i18n/i18n-context.tsx';

/** Heads: the tracking screen of one unit and one period. */
export function PeriodTrackingPage() {
  const t = useT();
  const { cycles, selected, select } = useCycles();
  const { tree } = useUnits();
  const [unitId, setUnitId] = useState<string | undefined>();
  useEffect(() => {
    if (!unitId && tree[0]) setUnitId(tree[0].value);
  }, [tree, unitId]);
  const [kind] = useQuery({
    query: CyclePeriodKindQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected,
  });
  const periodKind = kind.data?.cycle?.periodKind;
  return (
    <Card title={t('periods.title')}>
      <Space wrap style={{ marginBottom: 16 }} align="end">
        <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
        <div>
          <label htmlFor="period-unit" style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
            {t('periods.unit')}
          </label>
          <UnitTreeSelect
            id="period-unit"
            value={unitId}
            onChange={setUnitId}
            ariaLabel={t('periods.unit')}
          />
        </div>
      </Space>
      {!selected ? <Alert type="info" title={t('periods.noCycle')} /> : null}
      {selected && periodKind === 'YEAR' ? (
        <Typography.Paragraph type="secondary">{t('periods.yearOnly')}</Typography.Paragraph>
      ) : null}
      {selected && unitId && periodKind ? (
        <PeriodTracking
          key={`${selected.id}-${unitId}`}
          cycleId={selected.id}
          unitId={unitId}
          periodKind={periodKind}
        />
      ) : null}
    </Card>
  );
}
