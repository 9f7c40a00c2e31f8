import { Table, Tag } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AuditChangeList } from './audit-change-list.tsx';
import { describeAction, describeEntity, describeField, readingOrder } from './audit-terms.ts';
import { changedFields } from './changed-fields.ts';
import type { AuditEntry } from './use-audit-log.ts';

/** The audit entries: when, who, what was done to which record, and the fields it changed (opened row by row). */
export function AuditLogTable({ entries, loading }: { entries: AuditEntry[]; loading: boolean }) {
  const t = useT();
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={entries}
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
          render: (_, entry) => <Tag style={{ whiteSpace: 'normal' }}>{describeAction(t, entry.action)}</Tag>,
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
  );
}
