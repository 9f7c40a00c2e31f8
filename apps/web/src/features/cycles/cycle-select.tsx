import { Select } from 'antd';
import { useId } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';
import type { CycleRow } from './use-cycles.ts';

export function CycleSelect(props: {
  cycles: readonly CycleRow[];
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
        {t('cycles.select')}
      </label>
      <Select
        id={id}
        style={{ width: 340, maxWidth: '100%' }}
        value={props.value}
        onChange={props.onChange}
        options={props.cycles.map((cycle) => ({
          value: cycle.id,
          label: `${cycle.name} · ${t(`cycleStatus.${cycle.status}`)}`,
        }))}
        data-testid="cycle-select"
      />
    </div>
  );
}
