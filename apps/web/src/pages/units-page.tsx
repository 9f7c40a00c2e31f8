import { Alert, App, Button, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { UnitDetails, validityText } from '../features/units/unit-details.tsx';
import { UnitFormModal } from '../features/units/unit-form-modal.tsx';
import { unitWithParent } from '../features/units/unit-name.ts';
import {
  ancestorIds,
  buildUnitRows,
  foldSearch,
  isClosed,
  type UnitRow,
} from '../features/units/unit-rows.ts';
import { type UnitListItem, UnitsPageQuery } from '../features/units/units-api.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { foldDiacritics, formatDate, formatInteger } from '../lib/format.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { useUrlState } from '../lib/use-url-state.ts';

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

type Editing = { unit: UnitListItem | null; parentId?: string };

export function UnitsPage() {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const role = session.data?.user.role;
  const canEdit = role === 'ADMIN' || role === 'OFFICER';
  const searchId = useId();
  const closedId = useId();

  // the search, the chosen unit and the closed units' switch live in the address
  const [url, setUrl] = useUrlState(['q', 'unit', 'closed'] as const);
  const showClosed = url.closed === '1';
  const [search, setSearch] = useState(url.q ?? '');
  const debounced = useDebouncedValue(search.trim(), 250);
  const written = useRef(url.q ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text is written
  useEffect(() => {
    if (debounced === (url.q ?? '')) return;
    written.current = debounced;
    setUrl({ q: debounced || null }, { replace: true });
  }, [debounced]);
  useEffect(() => {
    // Back or a link changed the search: show it (our own writes are not echoed into the box)
    if ((url.q ?? '') !== written.current) {
      written.current = url.q ?? '';
      setSearch(url.q ?? '');
    }
  }, [url.q]);

  const [result, reexecute] = useQuery({
    query: UnitsPageQuery,
    variables: { withClosed: showClosed },
    requestPolicy: 'cache-and-network',
  });
  const units = result.data?.units;
  const folded = foldSearch(debounced);
  const tree = useMemo(
    () => buildUnitRows(units ?? [], { search: folded, showClosed }),
    [units, folded, showClosed],
  );
  const byId = useMemo(() => new Map((units ?? []).map((unit) => [unit.id, unit])), [units]);

  // opened rows: the top of the tree, the chain above the chosen unit, or every chain to a match
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-opened when the search or the data changes
  useEffect(() => {
    if (!units) return;
    if (folded) {
      setExpanded(tree.expanded);
      return;
    }
    const top = tree.rows.map((row) => row.key);
    const chosen = url.unit ? ancestorIds(units, url.unit) : [];
    setExpanded((current) => [...new Set([...current, ...top, ...chosen])]);
  }, [folded, units, showClosed, url.unit]);

  const [editing, setEditing] = useState<Editing | null>(null);
  // a save reads the chosen unit's details again
  const [saves, setSaves] = useState(0);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const selectUnit = (id: string | null) => setUrl({ unit: id });

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

  const chosen = url.unit ? byId.get(url.unit) : undefined;

  return (
    <section aria-labelledby="units-heading">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} id="units-heading" style={{ fontSize: 22, margin: 0 }}>
          {t('units.heading')}
        </Typography.Title>
        {canEdit && (
          <Button type="primary" onClick={() => setEditing({ unit: null, parentId: url.unit })}>
            {t('units.create')}
          </Button>
        )}
      </Space>
      <Space wrap align="end" size={16} style={{ marginBottom: 12 }}>
        <div>
          <label htmlFor={searchId} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
            {t('units.searchLabel')}
          </label>
          <Input
            id={searchId}
            type="search"
            allowClear
            style={{ width: 340 }}
            placeholder={t('units.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <Space align="center" style={{ paddingBottom: 5 }}>
          <Switch
            id={closedId}
            aria-labelledby={`${closedId}-label`}
            checked={showClosed}
            onChange={(checked) => setUrl({ closed: checked ? '1' : null })}
          />
          <label htmlFor={closedId} id={`${closedId}-label`}>
            {t('units.showClosed')}
          </label>
        </Space>
        <Typography.Text type="secondary" role="status" style={{ paddingBottom: 5, display: 'inline-block' }}>
          {units
            ? folded
              ? t('units.matchCount', { count: formatInteger(tree.matches) })
              : t('units.count', {
                  count: formatInteger(units.filter((unit) => showClosed || !isClosed(unit)).length),
                })
            : ''}
        </Typography.Text>
      </Space>
      {result.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeCombinedError(result.error, t)}
          action={<Button onClick={refresh}>{t('app.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      {url.unit && (
        <UnitDetails
          key={`${url.unit}-${saves}`}
          id={url.unit}
          canEdit={canEdit && Boolean(chosen)}
          onEdit={() => chosen && setEditing({ unit: chosen })}
          onAddChild={() => setEditing({ unit: null, parentId: url.unit })}
          onClose={() => selectUnit(null)}
        />
      )}
      <Table<Row>
        rowKey="key"
        size="small"
        loading={result.fetching && !units}
        dataSource={tree.rows}
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
      {editing && (
        <UnitFormModal
          unit={editing.unit}
          parentId={editing.parentId}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              void message.success(t('units.saved', { name: unitWithParent(saved) }));
              refresh();
              setSaves((count) => count + 1);
              if (!editing.unit) setUrl({ unit: saved.id });
            }
          }}
        />
      )}
    </section>
  );
}
