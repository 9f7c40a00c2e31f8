import { useMutation as useTanstackMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Form,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { ColumnMappingEditor } from '../features/imports/column-mapping-editor.tsx';
import { SourceSelect } from '../features/imports/source-select.tsx';
import {
  type BatchSnapshot,
  followImportBatch,
  type ImportKind,
  type ImportOutcome,
  importKinds,
  isFinished,
  isImportKind,
  jobPercent,
  type RowError,
  templateUrl,
  type UploadError,
  uploadImport,
} from '../features/imports/upload-import.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { formatDateTime, formatInteger } from '../lib/format.ts';
import { useUrlState } from '../lib/use-url-state.ts';

const ImportBatches = graphql(`
  query ImportBatches($first: Int) {
    importBatches(first: $first) {
      totalCount
      edges {
        node {
          id
          kind
          status
          fileName
          totalRows
          validRows
          expectedRows
          errorCount
          createdAt
          errorReportUrl
          cycle {
            id
            name
          }
        }
      }
    }
  }
`);

// the one batch an upload follows while its job works (polled every second)
const ImportBatchProgress = graphql(`
  query ImportBatchProgress($id: ID!) {
    importBatch(id: $id) {
      id
      status
      totalRows
      validRows
      expectedRows
      errorCount
      errorReportUrl
      errors(first: 200) {
        edges {
          node {
            row
            field
            value
            message
          }
        }
      }
    }
  }
`);

type BatchRow = ResultOf<typeof ImportBatches>['importBatches']['edges'][number]['node'];

const statusColors = { APPLIED: 'green', FAILED: 'red', VALIDATING: 'blue', QUEUED: 'default' } as const;
/** how often a running batch is read again (the upload's own, and the history while one runs) */
const pollMs = 1000;

function ErrorTable({ errors, total }: { errors: readonly RowError[]; total: number }) {
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
          { title: t('imports.col.message'), dataIndex: 'message', key: 'message' },
        ]}
      />
    </>
  );
}

export function ImportsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { cycles, selected, select } = useCycles();
  // the kind and the source system are filters of the page: kept in the address
  const [filters, setFilters] = useUrlState(['kind', 'source'] as const);
  const kind: ImportKind = isImportKind(filters.kind) ? filters.kind : 'TASKS';
  const source = filters.source;
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  // the batch's job, once the file is uploaded: QUEUED, then VALIDATING with the rows read so far
  const [job, setJob] = useState<BatchSnapshot | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const client = useClient();
  // leaving the page stops following the batch (its job goes on; the history shows it on return)
  const leaving = useRef<AbortController | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    leaving.current = controller;
    return () => controller.abort();
  }, []);
  const [history, refetchHistory] = useQuery({
    query: ImportBatches,
    variables: { first: 20 },
    requestPolicy: 'cache-and-network',
  });
  const needsCycle = importKinds.find((item) => item.kind === kind)?.needsCycle ?? false;

  const upload = useTanstackMutation<
    ImportOutcome,
    UploadError,
    { kind: ImportKind; cycleId: string | null; source: string | null; file: File }
  >({
    mutationFn: async (variables) => {
      setPercent(0);
      setJob(null);
      const queued = await uploadImport({ ...variables, onProgress: setPercent });
      if (isFinished(queued.status)) return queued;
      setJob({ ...queued, errorReportUrl: null });
      refetchHistory({ requestPolicy: 'network-only' });
      return followImportBatch({
        queued,
        intervalMs: pollMs,
        signal: leaving.current?.signal,
        onProgress: setJob,
        readBatch: async (id) => {
          const result = await client
            .query(ImportBatchProgress, { id }, { requestPolicy: 'network-only' })
            .toPromise();
          if (result.error) throw result.error;
          const batch = result.data?.importBatch;
          return batch ? { ...batch, errors: batch.errors.edges.map((edge) => edge.node) } : null;
        },
      });
    },
    onSuccess: (outcome) => {
      if (outcome.status === 'APPLIED')
        void message.success(
          t('imports.applied', { rows: formatInteger(outcome.validRows), file: outcome.fileName }),
        );
      refetchHistory({ requestPolicy: 'network-only' });
    },
  });

  function start() {
    setFormError(null);
    if (!file) {
      setFormError(t('imports.noFile'));
      return;
    }
    if (needsCycle && !selected) {
      setFormError(t('imports.needsCycle'));
      return;
    }
    upload.mutate({
      kind,
      cycleId: needsCycle ? (selected?.id ?? null) : null,
      source: source ?? null,
      file,
    });
  }

  const outcome = upload.data;
  const failure = upload.error;
  const uploadDone = percent >= 100;
  const batches = history.data?.importBatches.edges.map((edge) => edge.node) ?? [];
  // a batch still queued or running (this upload's, or one left running by an earlier visit): the
  // history is read again until it has finished
  const running = batches.some((batch) => !isFinished(batch.status));
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => refetchHistory({ requestPolicy: 'network-only' }), pollMs * 2);
    return () => clearInterval(timer);
  }, [running, refetchHistory]);

  return (
    <section aria-labelledby="imports-heading">
      <Typography.Title level={1} id="imports-heading" style={{ fontSize: 22 }}>
        {t('imports.heading')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" onFinish={start}>
          <Space wrap align="start" size="large">
            <Form.Item label={t('imports.kind')} htmlFor="import-kind" style={{ minWidth: 260 }}>
              <Select
                id="import-kind"
                value={kind}
                onChange={(value) => {
                  // a mapping belongs to one kind: the source is chosen again
                  setFilters({ kind: value, source: null });
                  upload.reset();
                }}
                options={importKinds.map((item) => ({
                  value: item.kind,
                  label: t(`imports.kind.${item.kind}`),
                }))}
              />
            </Form.Item>
            {needsCycle && <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />}
            <SourceSelect
              kind={kind}
              value={source}
              onChange={(value) => {
                setFilters({ source: value ?? null });
                upload.reset();
              }}
            />
            <Form.Item label={t('imports.template')}>
              <Space>
                <a href={templateUrl(kind, 'xlsx')} download>
                  .xlsx
                </a>
                <a href={templateUrl(kind, 'csv')} download>
                  .csv
                </a>
              </Space>
            </Form.Item>
          </Space>
          <Typography.Paragraph type="secondary">{t('imports.templateHint')}</Typography.Paragraph>
          <Form.Item label={t('imports.file')} required>
            <Upload
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(chosen);
                upload.reset();
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
            >
              <Button>{t('imports.choose')}</Button>
            </Upload>
          </Form.Item>
          {formError && (
            <Alert type="warning" showIcon role="alert" title={formError} style={{ marginBottom: 12 }} />
          )}
          <Button type="primary" htmlType="submit" loading={upload.isPending} data-testid="import-submit">
            {t('imports.upload')}
          </Button>
        </Form>
        {upload.isPending && (
          <div aria-live="polite" style={{ marginTop: 16 }} data-testid="import-progress">
            <Progress
              percent={!uploadDone ? percent : job ? (jobPercent(job) ?? 0) : 100}
              status="active"
              aria-label={t('imports.upload')}
            />
            <Typography.Text type="secondary" data-testid="import-job">
              {!uploadDone
                ? t('imports.uploading', { percent })
                : job?.status === 'QUEUED'
                  ? t('imports.queued')
                  : job?.expectedRows && job.totalRows >= job.expectedRows
                    ? t('imports.writing', { rows: formatInteger(job.totalRows) })
                    : job?.expectedRows
                      ? t('imports.readRowsOf', {
                          rows: formatInteger(job.totalRows),
                          total: formatInteger(job.expectedRows),
                        })
                      : job && job.totalRows > 0
                        ? t('imports.checkedRows', { rows: formatInteger(job.totalRows) })
                        : t('imports.validating')}
            </Typography.Text>
            {job && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
                {t('imports.stillRunning')}
              </Typography.Paragraph>
            )}
          </div>
        )}
      </Card>

      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={
            failure.status === 413
              ? t('imports.tooLarge')
              : failure.status === 0
                ? t('error.network')
                : failure.status === 401
                  ? t('error.sessionExpired')
                  : t('imports.httpError', { message: failure.message })
          }
        />
      )}
      {outcome && (
        <Card style={{ marginBottom: 16 }} data-testid="import-outcome">
          {outcome.status === 'APPLIED' ? (
            <Alert
              type="success"
              showIcon
              title={t('imports.applied', { rows: formatInteger(outcome.validRows), file: outcome.fileName })}
            />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert
                type="error"
                showIcon
                role="alert"
                title={t('imports.failed', {
                  count: formatInteger(outcome.errorCount),
                  file: outcome.fileName,
                })}
                action={
                  outcome.errorReport && (
                    <Space direction="vertical">
                      <a href={outcome.errorReport.xlsx} download>
                        {t('imports.errorReport')}
                      </a>
                      <a href={outcome.errorReport.csv} download>
                        CSV
                      </a>
                    </Space>
                  )
                }
              />
              <ErrorTable errors={outcome.errors} total={outcome.errorCount} />
            </Space>
          )}
        </Card>
      )}

      <Collapse
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'mapping',
            label: t('importMapping.heading'),
            children: (
              <ColumnMappingEditor
                initialKind={kind}
                onSaved={(savedKind, savedSource) => {
                  // the saved source is the one the next upload of that kind most likely comes from
                  setFilters({ kind: savedKind, source: savedSource });
                  upload.reset();
                }}
              />
            ),
          },
        ]}
        data-testid="mapping-panel"
      />

      <Card title={t('imports.history')} size="small">
        <Table<BatchRow>
          rowKey="id"
          size="small"
          loading={history.fetching && !history.data}
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
              render: (_, row) => (
                <Tag color={statusColors[row.status]}>{t(`imports.status.${row.status}`)}</Tag>
              ),
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
      </Card>
    </section>
  );
}
