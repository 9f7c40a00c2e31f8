import { Card, Space, Tabs } from 'antd';
import { useQuery } from 'urql';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { CatalogueEditor } from '../features/periods/catalogue-editor.tsx';
import { CyclePeriodKindQuery } from '../features/periods/period-documents.ts';
import { PeriodProgressView } from '../features/periods/period-progress.tsx';
import { useT } from '../i18n/i18n-context.tsx';

/** Personnel officers: the product catalogue per job position, and which units have closed which periods. */
export function CataloguePage() {
  const t = useT();
  const { cycles, selected, select } = useCycles();
  const [kind] = useQuery({
    query: CyclePeriodKindQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected,
  });
  const periodKind = kind.data?.cycle?.periodKind ?? 'QUARTER';
  return (
    <Card title={<h1 className="card-heading">{t('catalogue.title')}</h1>}>
      <Space style={{ marginBottom: 16 }}>
        <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
      </Space>
      {selected ? (
        <Tabs
          items={[
            {
              key: 'progress',
              label: t('catalogue.progress'),
              children: <PeriodProgressView cycleId={selected.id} periodKind={periodKind} />,
            },
            {
              key: 'catalogue',
              label: t('catalogue.products'),
              children: <CatalogueEditor cycleId={selected.id} />,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
