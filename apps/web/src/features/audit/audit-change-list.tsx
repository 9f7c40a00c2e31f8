// An audit entry's before/after as a reader wants it: each changed field in words, its value
// before → after in words; the raw JSON the chain hashes stays one click away for the auditor.
import { Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeField, describeValue, readingOrder } from './audit-terms.ts';
import { fieldChanges } from './changed-fields.ts';

export type AuditEntryContent = { id: string; entity: string; before?: unknown; after?: unknown };

function RawJson({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">–</Typography.Text>;
  return (
    <pre
      style={{ margin: 0, maxHeight: 240, overflow: 'auto', fontSize: 12, background: '#fafafa', padding: 8 }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function AuditChangeList({ entry }: { entry: AuditEntryContent }) {
  const t = useT();
  const [raw, setRaw] = useState(false);
  const rawId = `audit-raw-${entry.id}`;
  const changes = fieldChanges(entry.before, entry.after);
  const byField = new Map(changes.map((change) => [change.field, change]));
  const ordered = readingOrder(changes.map((change) => change.field)).flatMap((field) => {
    const change = byField.get(field);
    return change ? [change] : [];
  });
  const say = (field: string, value: unknown) => describeValue(t, entry.entity, field, value);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {ordered.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.noChange')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: 260 } }}
          title={
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('audit.field')} · {t('audit.beforeAfter')}
            </Typography.Text>
          }
          items={ordered.map((change) => ({
            key: change.field,
            label: describeField(t, entry.entity, change.field),
            children: (
              <span data-testid={`audit-change-${change.field}`}>
                {change.hadBefore && (
                  <>
                    <Typography.Text type="secondary">{say(change.field, change.before)}</Typography.Text>
                    {' → '}
                  </>
                )}
                <Typography.Text strong={change.hadBefore}>{say(change.field, change.after)}</Typography.Text>
              </span>
            ),
          }))}
        />
      )}
      <Button
        type="link"
        style={{ padding: 0 }}
        aria-expanded={raw}
        aria-controls={rawId}
        onClick={() => setRaw((shown) => !shown)}
      >
        {raw ? t('audit.hideRaw') : t('audit.showRaw')}
      </Button>
      {raw && (
        <Space id={rawId} align="start" wrap style={{ width: '100%' }}>
          <div style={{ minWidth: 320 }}>
            <Typography.Text strong>{t('audit.before')}</Typography.Text>
            <RawJson value={entry.before} />
          </div>
          <div style={{ minWidth: 320 }}>
            <Typography.Text strong>{t('audit.after')}</Typography.Text>
            <RawJson value={entry.after} />
          </div>
        </Space>
      )}
    </Space>
  );
}
