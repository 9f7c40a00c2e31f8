import { Input, Select, Space } from 'antd';
import { useId } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';
import { CycleSelect } from '../cycles/cycle-select.tsx';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { ExportLinks } from '../documents/export-links.tsx';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';
import { type RatingValue, ratingDisplayOrder } from './rating-display.ts';

/** The cycle, the unit and rating filters, the search, and the cycle's exports above the results. */
export function ResultsToolbar(props: {
  cycles: readonly CycleRow[];
  selected: CycleRow | null;
  onSelectCycle: (id: string) => void;
  unitId: string | undefined;
  onUnitChange: (value: string | undefined) => void;
  rating: RatingValue | undefined;
  onRatingChange: (value: RatingValue | undefined) => void;
  search: string;
  onSearchChange: (value: string) => void;
}) {
  const t = useT();
  const { cycles, selected, unitId, rating, search } = props;
  const select = props.onSelectCycle;
  const setUnitId = props.onUnitChange;
  const setRating = props.onRatingChange;
  const setSearch = props.onSearchChange;
  const ids = { unit: useId(), rating: useId(), search: useId() };
  return (
    <Space wrap align="end" style={{ marginBottom: 12 }}>
      <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
      <div>
        <label htmlFor={ids.unit} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
          {t('results.unitFilter')}
        </label>
        <UnitTreeSelect id={ids.unit} value={unitId} onChange={setUnitId} />
      </div>
      <div>
        <label htmlFor={ids.rating} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
          {t('results.ratingFilter')}
        </label>
        <Select
          id={ids.rating}
          style={{ minWidth: 220 }}
          allowClear
          placeholder={t('results.allRatings')}
          value={rating}
          onChange={(value) => setRating(value)}
          options={ratingDisplayOrder.map((value) => ({ value, label: t(`rating.${value}`) }))}
        />
      </div>
      <div>
        <label htmlFor={ids.search} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
          {t('results.searchLabel')}
        </label>
        <Input.Search
          enterButton={t('app.search')}
          id={ids.search}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {selected?.latestRun && <ExportLinks cycleId={selected.id} unitId={unitId} />}
    </Space>
  );
}
