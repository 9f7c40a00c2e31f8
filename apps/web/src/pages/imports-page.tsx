import { Card, Collapse, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { ColumnMappingEditor } from '../features/imports/column-mapping-editor.tsx';
import { ImportBatches, pollMs } from '../features/imports/import-batches-query.ts';
import { ImportFailureAlert } from '../features/imports/import-failure-alert.tsx';
import { ImportHistoryTable } from '../features/imports/import-history-table.tsx';
import { ImportOutcomeCard } from '../features/imports/import-outcome-card.tsx';
import { ImportProgress } from '../features/imports/import-progress.tsx';
import { ImportUploadForm } from '../features/imports/import-upload-form.tsx';
import { type ImportKind, importKinds, isFinished, isImportKind } from '../features/imports/upload-import.ts';
import { useImportUpload } from '../features/imports/use-import-upload.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { useUrlState } from '../lib/use-url-state.ts';

export function ImportsPage() {
  const t = useT();
  const { cycles, selected, select } = useCycles();
  // the kind and the source system are filters of the page: kept in the address
  const [filters, setFilters] = useUrlState(['kind', 'source'] as const);
  const kind: ImportKind = isImportKind(filters.kind) ? filters.kind : 'TASKS';
  const source = filters.source;
  const [file, setFile] = useState<File | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [history, refetchHistory] = useQuery({
    query: ImportBatches,
    variables: { first: 20 },
    requestPolicy: 'cache-and-network',
  });
  const needsCycle = importKinds.find((item) => item.kind === kind)?.needsCycle ?? false;
  const { upload, percent, job } = useImportUpload(refetchHistory);

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
        <ImportUploadForm
          kind={kind}
          onKindChange={(value) => {
            // a mapping belongs to one kind: the source is chosen again
            setFilters({ kind: value, source: null });
            upload.reset();
          }}
          needsCycle={needsCycle}
          cycles={cycles}
          cycleId={selected?.id}
          onCycleChange={select}
          source={source}
          onSourceChange={(value) => {
            setFilters({ source: value ?? null });
            upload.reset();
          }}
          file={file}
          onChoose={(chosen) => {
            setFile(chosen);
            upload.reset();
          }}
          onRemove={() => setFile(null)}
          error={formError}
          pending={upload.isPending}
          onSubmit={start}
        />
        {upload.isPending && <ImportProgress percent={percent} job={job} />}
      </Card>

      {failure && <ImportFailureAlert failure={failure} />}
      {outcome && <ImportOutcomeCard outcome={outcome} />}

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
        <ImportHistoryTable batches={batches} loading={history.fetching && !history.data} />
      </Card>
    </section>
  );
}
