import { Alert, Card, Space } from 'antd';
import { useQuery } from 'urql';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { PeriodChart } from '../features/periods/period-chart.tsx';
import { PersonPeriodsQuery } from '../features/periods/period-documents.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';

/** Staff: their own period scores over the year, with each period's reasons. */
export function MyPeriodsPage() {
  const t = useT();
  const { cycles, selected, select } = useCycles();
  const [result] = useQuery({
    query: PersonPeriodsQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected,
  });
  const data = result.data?.personPeriods;
  return (
    <Card title={<h1 className="card-heading">{t('periods.myTitle')}</h1>}>
      <Space style={{ marginBottom: 16 }}>
        <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
      </Space>
      {result.error ? <Alert type="error" title={describeCombinedError(result.error, t)} /> : null}
      {data ? <PeriodChart periods={data.periods} yearScore={data.score} /> : null}
      {selected && !result.fetching && !data && !result.error ? (
        <Alert type="info" title={t('periods.noScores')} />
      ) : null}
    </Card>
  );
}
