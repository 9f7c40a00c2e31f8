import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';
import { foldDiacritics, formatDate, formatInteger } from '../../lib/format.ts';
import { validityText } from './unit-details.tsx';
import { unitWithParent } from './unit-name.ts';
import { isClosed, type UnitRow } from './unit-rows.ts';
import type { UnitListItem } from './units-api.ts';

type Row = UnitRow<UnitListItem>;

/** The name with the searched text marked, found without diacritics ("phuong" marks "Phường"). */
function marked(name: string, folded: string): ReactNode {
  if (!folded) return name;
  const chars = [...name];
  const foldedChars = chars.map((char) => foldDiacritics(char));
  // only where folding keeps one character for one (it does for Vietnamese letters)
  if (foldedChars.some((char) => char.length !== 1)) return name;
  const start = foldedChars.join('').replace(/\s/g, ' ').indexOf(folded);
  if (start < 0) return name;
  const end = start + folded.length;
  return (
    <>
      {chars.slice(0, start).join('')}
      <mark>{chars.slice(start, end).join('')}</mark>
      {chars.slice(end).join('')}
    </>
  );
}

/** What the unit form opens on: a unit to edit, or a new one (under a parent). */
export type UnitEditing = { unit: UnitListItem | null; parentId?: string };

/** The units as a tree, the searched text marked, closed units with their date and successors; an editor edits or adds a child. */
export function UnitTreeTable(props: {
  rows: Row[];
  loading: boolean;
  folded: string;
  chosenId: string | undefined;
  canEdit: boolean;
  expanded: readonly React.Key[];
  onExpandedChange: (keys: readonly React.Key[]) => void;
  onSelect: (id: string) => void;
  onEdit: (editing: UnitEditing) => void;
}) {
  const t = useT();
  const { folded, canEdit, expanded } = props;
  const url = { unit: props.chosenId };
  const selectUnit = props.onSelect;
  const setEditing = props.onEdit;
  const setExpanded = props.onExpandedChange;

  const columns: ColumnsType<Row> = [
    {
      title: t('units.col.name'),
      key: 'name',
      width: 380,
      render: (_, row) => {
        const unit = row.unit;
        const closed = isClosed(unit);
        return (
          <span
            style={{
              display: 'inline-flex',
              flexDirection: 'column',
              alignItems: 'flex-start',
              maxWidth: 'calc(100% - 48px)',
              verticalAlign: 'top',
            }}
          >
            <Button
              type="link"
              size="small"
              style={{
                padding: 0,
                height: 'auto',
                whiteSpace: 'normal',
                textAlign: 'left',
                color: closed ? 'rgba(0, 0, 0, 0.58)' : undefined,
                fontWeight: row.key === url.unit ? 600 : undefined,
              }}
              aria-current={row.key === url.unit ? 'true' : undefined}
              onClick={() => selectUnit(row.key)}
            >
              {marked(unit.name, folded)}
            </Button>
            {closed && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {unit.successors && unit.successors.length > 0
                  ? t('units.closedOnTo', {
                      date: formatDate(unit.validTo),
                      successors: unit.successors.map((successor) => unitWithParent(successor)).join('; '),
                    })
                  : t('units.closedOn', { date: formatDate(unit.validTo) })}
              </Typography.Text>
            )}
            {!closed && !unit.active && <Tag>{t('units.isInactive')}</Tag>}
          </span>
        );
      },
    },
    {
      title: t('units.col.code'),
      key: 'code',
      width: 130,
      render: (_, row) => <span style={{ fontFamily: 'monospace' }}>{row.unit.code}</span>,
    },
    {
      title: t('units.col.kind'),
      key: 'kind',
      width: 110,
      render: (_, row) => t(`unitKind.${row.unit.kind}`),
    },
    {
      title: t('units.col.heads'),
      key: 'heads',
      width: 210,
      render: (_, row) =>
        row.unit.heads.length > 0 ? (
          row.unit.heads.map((head) => (
            <div key={head.id}>
              {head.fullName}
              {head.positionTitle && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {head.positionTitle}
                </Typography.Text>
              )}
            </div>
          ))
        ) : (
          <Typography.Text type="secondary">{t('units.noHead')}</Typography.Text>
        ),
    },
    {
      title: t('units.col.block'),
      key: 'block',
      width: 210,
      render: (_, row) =>
        row.unit.block ? row.unit.block.name : <Typography.Text type="secondary">–</Typography.Text>,
    },
    {
      title: t('units.col.people'),
      key: 'people',
      width: 90,
      align: 'right',
      render: (_, row) => formatInteger(row.unit.peopleCount),
    },
    {
      title: t('units.col.validity'),
      key: 'validity',
      width: 160,
      render: (_, row) => validityText(row.unit, t),
    },
    ...(canEdit
      ? [
          {
            title: t('app.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, row: Row) => (
              <Space wrap size={4}>
                <Button
                  size="small"
                  aria-label={t('units.editNamed', { name: unitWithParent(row.unit) })}
                  onClick={() => setEditing({ unit: row.unit })}
                >
                  {t('units.edit')}
                </Button>
                {!isClosed(row.unit) && (
                  <Button
                    size="small"
                    aria-label={t('units.addChildNamed', { name: unitWithParent(row.unit) })}
                    onClick={() => setEditing({ unit: null, parentId: row.key })}
                  >
                    {t('units.addChild')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Table<Row>
      rowKey="key"
      size="small"
      loading={props.loading}
      dataSource={props.rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 1480 }}
      locale={{ emptyText: folded ? t('units.noMatch') : t('units.empty') }}
      expandable={{
        expandedRowKeys: expanded,
        onExpandedRowsChange: (keys) => setExpanded(keys),
        indentSize: 18,
      }}
    />
  );
}
