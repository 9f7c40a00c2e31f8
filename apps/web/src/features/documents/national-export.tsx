import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError } from '../../lib/error-message.ts';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format.ts';
import { daysUntil } from '../cycles/use-cycles.ts';
import { RefusalAlert } from './describe-refusal.tsx';
import { type ExportedFile, exportNational, saveFile } from './document-api.ts';
import {
  type NationalDeadlineRow,
  type NationalExportRow,
  NationalExportsQuery,
  type NationalStatus,
  shortSha,
} from './document-queries.ts';

const statusColors: Record<NationalStatus, string> = {
  SENT: 'green',
  LATE: 'orange',
  DUE: 'blue',
  OVERDUE: 'red',
};

function StatusTag({ row }: { row: NationalDeadlineRow }) {
  const t = useT();
  const days = row.dueOn ? daysUntil(row.dueOn.slice(0, 10)) : null;
  const suffix =
    days === null || row.status === 'SENT' || row.status === 'LATE'
      ? ''
      : days < 0
        ? ` · ${t('documents.national.overdueDays', { days: -days })}`
        : ` · ${t('documents.national.dueInDays', { days })}`;
  return (
    <Tag color={statusColors[row.status]} data-testid={`national-status-${row.status}`}>
      {t(`nationalStatus.${row.status}`)}
      {suffix}
    </Tag>
  );
}

/** The file for the national personnel database: make it, the files made, and when each cycle's is due. */
export function NationalExport({ cycleId, published }: { cycleId: string; published: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [result, refetch] = useQuery({
    query: NationalExportsQuery,
    variables: { cycleId },
    requestPolicy: 'cache-and-network',
  });
  const exports = result.data?.nationalExports ?? [];
  const deadlines = result.data?.nationalExportDeadlines ?? [];
  const current = deadlines.find((row) => row.cycleId === cycleId);

  const make = useMutation<ExportedFile, unknown, 'json' | 'xml'>({
    mutationFn: (format) => exportNational({ cycleId, format }),
    onSuccess: (file) => {
      saveFile(file.blob, file.fileName);
      void message.success(t('documents.national.made', { file: file.fileName, sha: shortSha(file.sha256) }));
      refetch({ requestPolicy: 'network-only' });
    },
  });

  return (
    <Card title={t('documents.national.title')} style={{ marginBottom: 16 }} data-testid="national-export">
      <Typography.Paragraph type="secondary">{t('documents.national.hint')}</Typography.Paragraph>
      {current ? (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          type={
            current.status === 'OVERDUE'
              ? 'error'
              : current.status === 'DUE'
                ? 'warning'
                : current.status === 'LATE'
                  ? 'warning'
                  : 'success'
          }
          data-testid="national-current"
          title={
            <span>
              {t('documents.national.current', { due: formatDate(current.dueOn) })}{' '}
              <StatusTag row={current} />
            </span>
          }
        />
      ) : (
        !published && (
          <Alert
            style={{ marginBottom: 12 }}
            showIcon
            type="info"
            title={t('documents.national.notPublished')}
          />
        )
      )}
      <Space wrap>
        {(['json', 'xml'] as const).map((format) => (
          <Button
            key={format}
            type={format === 'json' ? 'primary' : 'default'}
            loading={make.isPending && make.variables === format}
            disabled={make.isPending}
            onClick={() => make.mutate(format)}
            data-testid={`national-${format}`}
          >
            {t(`documents.national.${format}`)}
          </Button>
        ))}
      </Space>
      {make.error ? (
        <RefusalAlert title={t('documents.national.refused')} error={make.error} testId="national-refused" />
      ) : null}
      {result.error && !result.data && (
        <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 12 }}>
          {describeCombinedError(result.error, t)}
        </Typography.Paragraph>
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('documents.national.exports')}
      </Typography.Title>
      <Table<NationalExportRow>
        size="small"
        rowKey="id"
        loading={result.fetching && !result.data}
        dataSource={exports}
        pagination={exports.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t('documents.national.empty')} /> }}
        data-testid="national-exports"
        columns={[
          {
            title: t('documents.national.col.createdAt'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            width: 150,
            render: (value: string) => formatDateTime(value),
          },
          {
            title: t('documents.national.col.createdBy'),
            dataIndex: 'createdByName',
            key: 'createdByName',
            render: (value: string | null) => value ?? '–',
          },
          {
            title: t('documents.national.col.file'),
            key: 'file',
            render: (_value, row) => (
              <span>
                {row.fileName} <Tag>{row.format.toUpperCase()}</Tag>
              </span>
            ),
          },
          {
            title: t('documents.national.col.records'),
            dataIndex: 'records',
            key: 'records',
            width: 100,
            align: 'right',
            render: (value: number) => formatInteger(value),
          },
          {
            title: t('documents.col.sha256'),
            dataIndex: 'sha256',
            key: 'sha256',
            width: 150,
            render: (value: string) => (
              <Typography.Text code copyable={{ text: value }} title={value}>
                {shortSha(value)}
              </Typography.Text>
            ),
          },
          {
            title: t('documents.national.col.dueOn'),
            dataIndex: 'dueOn',
            key: 'dueOn',
            width: 110,
            render: (value: string | null) => formatDate(value),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('documents.national.deadlines')}
      </Typography.Title>
      <Table<NationalDeadlineRow>
        size="small"
        rowKey="cycleId"
        dataSource={deadlines}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: <Empty description={t('documents.national.deadlinesEmpty')} /> }}
        onRow={(row) => ({
          style: row.status === 'OVERDUE' ? { background: '#fff1f0' } : undefined,
          'data-testid': `deadline-${row.status}`,
        })}
        data-testid="national-deadlines"
        columns={[
          {
            title: t('documents.national.col.cycle'),
            dataIndex: 'cycleName',
            key: 'cycleName',
            render: (value: string, row) => (row.cycleId === cycleId ? <strong>{value}</strong> : value),
          },
          {
            title: t('documents.national.col.decidedUntil'),
            dataIndex: 'decidedUntil',
            key: 'decidedUntil',
            width: 130,
            render: (value: string | null) => formatDate(value),
          },
          {
            title: t('documents.national.col.dueOn'),
            dataIndex: 'dueOn',
            key: 'dueOn',
            width: 110,
            render: (value: string | null) => formatDate(value),
          },
          {
            title: t('documents.national.col.lastSentAt'),
            key: 'lastSentAt',
            render: (_value, row) =>
              row.lastSentAt ? (
                <span>
                  {formatDateTime(row.lastSentAt)}{' '}
                  <Typography.Text code>{shortSha(row.lastSha256)}</Typography.Text>
                </span>
              ) : (
                t('documents.national.notSent')
              ),
          },
          {
            title: t('documents.national.col.status'),
            key: 'status',
            render: (_value, row) => <StatusTag row={row} />,
          },
        ]}
      />
    </Card>
  );
}
