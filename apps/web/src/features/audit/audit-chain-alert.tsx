import { Alert } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';

/** Whether the audit log's hash chain holds, as checked on the server, or where it breaks. */
export function AuditChainAlert({
  status,
}: {
  status: { valid: boolean; checked: number; brokenAtId: string | null };
}) {
  const t = useT();
  return (
    <Alert
      type={status.valid ? 'success' : 'error'}
      showIcon
      role={status.valid ? 'status' : 'alert'}
      style={{ marginBottom: 12 }}
      data-testid="audit-chain"
      title={
        status.valid
          ? t('audit.valid', { checked: formatInteger(status.checked) })
          : t('audit.broken', { id: status.brokenAtId ?? '?' })
      }
    />
  );
}
