import { Table } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatScore } from '../../lib/format.ts';

type Components = {
  tasks: number | null;
  conduct: number | null;
  reform: number | null;
  citizens: number | null;
} | null;

const parts = [
  { key: 'tasks', max: 70 },
  { key: 'conduct', max: 10 },
  { key: 'reform', max: 10 },
  { key: 'citizens', max: 10 },
] as const;

/** The score's parts against their maximum (70 for tasks, 10 for each general criterion). */
export function ComponentsTable({ components, score }: { components: Components; score: number | null }) {
  const t = useT();
  const rows = parts.map((part) => ({ key: part.key, value: components?.[part.key] ?? null, max: part.max }));
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="components"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t('myResult.score')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{formatScore(score)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            100
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
      columns={[
        { title: t('myResult.breakdown'), key: 'name', render: (_, row) => t(`component.${row.key}`) },
        {
          title: t('results.col.score'),
          key: 'value',
          align: 'right',
          render: (_, row) => formatScore(row.value),
        },
        { title: '/', key: 'max', align: 'right', width: 60, render: (_, row) => row.max },
      ]}
    />
  );
}
