import { Button, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { periodShortLabel } from '../periods/period-documents.ts';
import type { EvidenceKind, EvidenceRow, PersonEvidenceView } from './evidence-documents.ts';
import { fieldLabel, rowTitle, showValue } from './evidence-labels.ts';

/** One kind's rows of evidence, each with the import it came from, and the correction and deletion for those who may. */
export function EvidenceTable(props: {
  kind: EvidenceKind;
  view: PersonEvidenceView;
  onCorrect: (row: EvidenceRow) => void;
  onDelete: (row: EvidenceRow) => void;
}) {
  const t = useT();
  const { view, kind } = props;
  const rows = view.rows.filter((row) => row.kind === kind);
  if (rows.length === 0) return null;
  const shown = (row: EvidenceRow) =>
    row.fields.filter((field) => !(kind === 'TASK' && (field.name === 'code' || field.name === 'title')));
  return (
    <>
      <Typography.Title level={4} style={{ fontSize: 14, marginTop: 12 }}>
        {t(`evidence.kind.${kind}`)}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          {
            title: t('evidence.col.period'),
            key: 'period',
            width: 90,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <span>
                  {row.period === null
                    ? t('evidence.wholeYear')
                    : periodShortLabel(view.periodKind, row.period)}
                </span>
                {row.periodClosed && <Tag color="gold">{t('evidence.periodClosed')}</Tag>}
              </Space>
            ),
          },
          ...(kind === 'DOSSIER'
            ? []
            : [
                {
                  title: t('evidence.col.item'),
                  key: 'item',
                  render: (_: unknown, row: EvidenceRow) => row.label ?? '–',
                },
              ]),
          {
            title: t('evidence.col.values'),
            key: 'values',
            render: (_, row) => (
              <Space wrap size={[12, 0]}>
                {shown(row).map((field) => (
                  <span key={field.name}>
                    <Typography.Text type="secondary">{fieldLabel(field.name, t)}:</Typography.Text>{' '}
                    {showValue(field, t)}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: t('evidence.col.source'),
            key: 'source',
            render: (_, row) =>
              row.source ? (
                <Space direction="vertical" size={0}>
                  <Typography.Text>{row.source.fileName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('evidence.sourceBy', {
                      at: formatDateTime(row.source.importedAt),
                      by: row.source.importedBy ?? '–',
                    })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('evidence.typedIn')}</Typography.Text>
              ),
          },
          ...(view.mayCorrect
            ? [
                {
                  title: t('app.actions'),
                  key: 'actions',
                  render: (_: unknown, row: EvidenceRow) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => props.onCorrect(row)}
                        aria-label={`${t('evidence.correct')}: ${rowTitle(row, view.periodKind, t)}`}
                      >
                        {t('evidence.correct')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => props.onDelete(row)}
                        aria-label={`${t('evidence.delete')}: ${rowTitle(row, view.periodKind, t)}`}
                      >
                        {t('evidence.delete')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
