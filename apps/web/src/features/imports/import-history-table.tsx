import { Table, Tag } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import type { BatchRow } from './import-batches-query.ts';
import { isFinished } from './upload-import.ts';

const statusColors = { APPLIED: 'green', FAILED: 'red', VALIDATING: 'blue', QUEUED: 'default' } as const;

/** The last batches with their status, rows (so far, while one runs) and error report. */
export function ImportHistoryTable({ batches, loading }: { batches: BatchRow[]; loading: boolean }) {
  const t = useT();
  return (
    <Table<BatchRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={batches}
      pagination={false}
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('imports.col.at'),
          key: 'at',
          width: 140,
          render: (_, row) => formatDateTime(row.createdAt),
        },
        {
          title: t('imports.kind'),
          key: 'kind',
          width: 200,
          render: (_, row) => t(`imports.kind.${row.kind}`),
        },
        { title: t('imports.col.file'), dataIndex: 'fileName', key: 'file', ellipsis: true },
        {
          title: t('imports.col.status'),
          key: 'status',
          width: 170,
          render: (_, row) => <Tag color={statusColors[row.status]}>{t(`imports.status.${row.status}`)}</Tag>,
        },
        {
          title: t('imports.col.rows'),
          key: 'rows',
          width: 90,
          align: 'right',
          // a running batch: the rows read so far of those its file holds
          render: (_, row) =>
            !isFinished(row.status) && row.expectedRows
              ? `${formatInteger(row.totalRows)} / ${formatInteger(row.expectedRows)}`
              : formatInteger(row.totalRows),
        },
        {
          title: t('imports.col.errors'),
          key: 'errors',
          width: 150,
          render: (_, row) =>
            row.errorReportUrl ? (
              <a href={row.errorReportUrl} download>
                {formatInteger(row.errorCount)} · {t('imports.errorReport')}
              </a>
            ) : (
              formatInteger(row.errorCount)
            ),
        },
      ]}
    />
  );
}
