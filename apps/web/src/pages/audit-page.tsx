import { Alert, App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useId, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { AuditChangeList } from '../features/audit/audit-change-list.tsx';
import {
  auditEntities,
  describeAction,
  describeEntity,
  describeField,
  readingOrder,
} from '../features/audit/audit-terms.ts';
import { changedFields } from '../features/audit/changed-fields.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatDateTime, formatInteger } from '../lib/format.ts';
import { usePagedConnection } from '../lib/use-paged-connection.ts';

const AuditQuery = graphql(`
  query AuditPage($first: Int, $after: String, $filter: AuditFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          at
          actorName
          action
          entity
          entityId
          before
          after
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AuditChain = graphql(`
  query AuditChain {
    auditChain {
      valid
      checked
      brokenAtId
    }
  }
`);

type Entry = ResultOf<typeof AuditQuery>['auditLog']['edges'][number]['node'];
export function AuditPage() {
  const t = useT();
  const { message } = App.useApp();
  const client = useClient();
  const session = useSession();
  const entityId = useId();
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const [chain, verify] = useQuery({ query: AuditChain, pause: true, requestPolicy: 'network-only' });

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          AuditQuery,
          { first: 50, after, filter: entity ? { entity } : null },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const log = result.data?.auditLog;
      if (!log) return { error: result.error };
      return {
        page: {
          nodes: log.edges.map((edge) => edge.node),
          totalCount: log.totalCount,
          hasNextPage: log.pageInfo.hasNextPage,
          endCursor: log.pageInfo.endCursor ?? null,
        },
      };
    },
    [client, entity],
  );
  const list = usePagedConnection<Entry>(entity ?? '', fetchPage);
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
      {status && (
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
      )}
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
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={list.loading && list.nodes.length === 0}
        dataSource={list.nodes}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (entry) => <AuditChangeList entry={entry} />,
        }}
        columns={[
          { title: t('audit.at'), key: 'at', width: 150, render: (_, entry) => formatDateTime(entry.at) },
          { title: t('audit.actor'), key: 'actor', width: 180, render: (_, entry) => entry.actorName ?? '–' },
          {
            title: t('audit.action'),
            key: 'action',
            width: 200,
            render: (_, entry) => (
              <Tag style={{ whiteSpace: 'normal' }}>{describeAction(t, entry.action)}</Tag>
            ),
          },
          {
            title: t('audit.entity'),
            key: 'entity',
            width: 180,
            render: (_, entry) => describeEntity(t, entry.entity),
          },
          {
            title: t('audit.changedFields'),
            key: 'fields',
            render: (_, entry) =>
              readingOrder(changedFields(entry.before, entry.after))
                .map((field) => describeField(t, entry.entity, field))
                .join(', '),
          },
        ]}
      />
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
