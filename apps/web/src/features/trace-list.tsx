import { Table } from 'antd';
import { useT } from '../i18n/i18n-context.tsx';
import { ratingInEffect, type TraceLine } from './rating-rules.ts';

/** The engine's reasons in words: what it found (detail), under which rule and legal instrument. */
export function TraceList({ trace }: { trace: readonly TraceLine[] }) {
  const t = useT();
  return (
    <Table<TraceLine>
      size="small"
      pagination={false}
      rowKey={(line) => `${line.rule}|${line.effect}|${line.detail}`}
      dataSource={[...trace]}
      data-testid="trace"
      columns={[
        { title: t('results.trace.detail'), dataIndex: 'detail', key: 'detail' },
        {
          title: t('results.trace.effect'),
          key: 'effect',
          width: 180,
          render: (_, line) => {
            const rating = ratingInEffect(line.effect);
            return rating && line.effect.trim() === rating ? t(`rating.${rating}`) : line.effect;
          },
        },
        { title: t('results.trace.citation'), dataIndex: 'citation', key: 'citation', width: 180 },
        {
          title: t('results.trace.rule'),
          dataIndex: 'rule',
          key: 'rule',
          width: 140,
          render: (rule: string) => <code style={{ fontSize: 12 }}>{rule}</code>,
        },
      ]}
    />
  );
}
