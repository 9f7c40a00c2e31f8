import { Alert, Card, Space } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';
import { ImportErrorTable } from './import-error-table.tsx';
import type { ImportOutcome } from './upload-import.ts';

/** The finished batch: applied, or refused with its errors by row and the error report. */
export function ImportOutcomeCard({ outcome }: { outcome: ImportOutcome }) {
  const t = useT();
  return (
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
          <ImportErrorTable errors={outcome.errors} total={outcome.errorCount} />
        </Space>
      )}
    </Card>
  );
}
