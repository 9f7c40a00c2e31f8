import { useMutation as useTanstackMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';
import { pollMs } from './import-batches-query.ts';
import {
  type BatchSnapshot,
  followImportBatch,
  type ImportKind,
  type ImportOutcome,
  isFinished,
  type UploadError,
  uploadImport,
} from './upload-import.ts';

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
            messageKey
            messageParams
          }
        }
      }
    }
  }
`);

/** The upload of an import file with its progress, then the batch's job followed until it has finished. */
export function useImportUpload(refetchHistory: (context: { requestPolicy: 'network-only' }) => void) {
  const t = useT();
  const { message } = App.useApp();
  const [percent, setPercent] = useState(0);
  // the batch's job, once the file is uploaded: QUEUED, then VALIDATING with the rows read so far
  const [job, setJob] = useState<BatchSnapshot | null>(null);
  const client = useClient();
  // leaving the page stops following the batch (its job goes on; the history shows it on return)
  const leaving = useRef<AbortController | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    leaving.current = controller;
    return () => controller.abort();
  }, []);

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

  return { upload, percent, job };
}
