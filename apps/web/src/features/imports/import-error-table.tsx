import { Table, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';
import { serverText } from '../../lib/server-text.ts';
import type { RowError } from './upload-import.ts';

export function ImportErrorTable({ errors, total }: { errors: readonly RowError[]; total: number }) {
  const t = useT();
  return (
    <>
      {total > errors.length && (
        <Typography.Paragraph type="secondary">
          {t('imports.moreErrors', { shown: formatInteger(errors.length), total: formatInteger(total) })}
        </Typography.Paragraph>
      )}
      <Table<RowError>
        size="small"
        rowKey={(row, index) => `${row.row}:${row.field}:${index}`}
        dataSource={[...errors]}
        pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        data-testid="import-errors"
        columns={[
          {
            title: t('imports.col.row'),
            dataIndex: 'row',
            key: 'row',
            width: 80,
            render: (row: number) => (row === 0 ? t('imports.wholeFile') : formatInteger(row)),
          },
          { title: t('imports.col.field'), dataIndex: 'field', key: 'field', width: 180 },
          {
            title: t('imports.col.value'),
            dataIndex: 'value',
            key: 'value',
            width: 180,
            render: (value: string | null | undefined) => <code>{value ?? ''}</code>,
          },
          {
            title: t('imports.col.message'),
            key: 'message',
            render: (_: unknown, error: RowError) => serverText(error, t),
          },
        ]}
      />
    </>
  );
}
