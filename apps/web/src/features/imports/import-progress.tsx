import { Progress, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';
import { type BatchSnapshot, jobPercent } from './upload-import.ts';

/** How far the upload is, then the rows the batch's job has read and checked. */
export function ImportProgress({ percent, job }: { percent: number; job: BatchSnapshot | null }) {
  const t = useT();
  const uploadDone = percent >= 100;
  return (
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
  );
}
