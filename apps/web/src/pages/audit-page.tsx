import { Alert, App, Button, Select, Space, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { AuditChainAlert } from '../features/audit/audit-chain-alert.tsx';
import { AuditChain } from '../features/audit/audit-chain-query.ts';
import { AuditLogTable } from '../features/audit/audit-log-table.tsx';
import { auditEntities, describeEntity } from '../features/audit/audit-terms.ts';
import { useAuditLog } from '../features/audit/use-audit-log.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatInteger } from '../lib/format.ts';

export function AuditPage() {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const entityId = useId();
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const [chain, verify] = useQuery({ query: AuditChain, pause: true, requestPolicy: 'network-only' });
  const list = useAuditLog(entity);
  const status = chain.data?.auditChain;
  const entityOptions = useMemo(
    () =>
      auditEntities
        .map((value) => ({ value, label: describeEntity(t, value) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [t],
  );

  return (
    <section aria-labelledby="audit-heading">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} id="audit-heading" style={{ fontSize: 22, margin: 0 }}>
          {t('audit.heading')}
        </Typography.Title>
        {session.data?.user.role === 'ADMIN' && (
          <Button
            loading={chain.fetching}
            onClick={() => {
              verify({ requestPolicy: 'network-only' });
              void message.info(t('audit.verify'));
            }}
          >
            {t('audit.verify')}
          </Button>
        )}
      </Space>
      {status && <AuditChainAlert status={status} />}
      {chain.error && (
        <Alert type="error" showIcon role="alert" title={describeCombinedError(chain.error, t)} />
      )}
      <Space wrap align="end" style={{ marginBottom: 12 }}>
        <div>
          <label htmlFor={entityId} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
            {t('audit.entityFilter')}
          </label>
          <Select
            id={entityId}
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('audit.allEntities')}
            value={entity}
            onChange={setEntity}
            options={entityOptions}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </div>
        {list.totalCount !== null && (
          <Typography.Text type="secondary">
            {t('audit.count', { count: formatInteger(list.totalCount) })}
          </Typography.Text>
        )}
      </Space>
      {list.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeCombinedError(list.error, t)}
          action={<Button onClick={list.reload}>{t('app.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      <AuditLogTable entries={list.nodes} loading={list.loading && list.nodes.length === 0} />
      {list.hasNextPage && list.nodes.length > 0 && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={list.loadMore} loading={list.loading}>
            {t('audit.loadMore')}
          </Button>
        </div>
      )}
    </section>
  );
}
