import { Alert, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { CyclePeriodKindQuery } from '../features/periods/period-documents.ts';
import { PeriodTracking } from '../features/periods/period-tracking.tsx';
import { UnitTreeSelect, useUnits } from '../features/units/unit-tree-select.tsx';
import { useT } from '../i18n/i18n-context.tsx';

/** Heads: the tracking screen of one unit and one period. */
export function PeriodTrackingPage() {
  const t = useT();
  const { cycles, selected, select, fetching: cyclesLoading } = useCycles();
  const { units, tree } = useUnits();
  const session = useSession();
  const [params] = useSearchParams();
  const [unitId, setUnitId] = useState<string | undefined>();
  // the unit named in the address (?unit=<code>), else the head's own unit, else the first one
  useEffect(() => {
    if (unitId || units.length === 0) return;
    const named = units.find((unit) => unit.code === params.get('unit'));
    const own = units.find((unit) => unit.id === session.data?.user.scopeUnitId);
    setUnitId(named?.id ?? own?.id ?? tree[0]?.value);
  }, [units, tree, unitId, params, session.data]);
  const [kind] = useQuery({
    query: CyclePeriodKindQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected,
  });
  const periodKind = kind.data?.cycle?.periodKind;
  return (
    <Card title={<h1 className="card-heading">{t('periods.title')}</h1>}>
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
      {!selected && !cyclesLoading ? <Alert type="info" title={t('periods.noCycle')} /> : null}
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
