import { Alert, App, Button, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { UnitDetails } from '../features/units/unit-details.tsx';
import { UnitFormModal } from '../features/units/unit-form-modal.tsx';
import { unitWithParent } from '../features/units/unit-name.ts';
import { ancestorIds, buildUnitRows, foldSearch, isClosed } from '../features/units/unit-rows.ts';
import { type UnitEditing, UnitTreeTable } from '../features/units/unit-tree-table.tsx';
import { UnitsPageQuery } from '../features/units/units-api.ts';
import { UnitsToolbar } from '../features/units/units-toolbar.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatInteger } from '../lib/format.ts';
import { useUrlSearch } from '../lib/use-url-search.ts';
import { useUrlState } from '../lib/use-url-state.ts';

export function UnitsPage() {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const role = session.data?.user.role;
  const canEdit = role === 'ADMIN' || role === 'OFFICER';

  // the search, the chosen unit and the closed units' switch live in the address
  const [url, setUrl] = useUrlState(['q', 'unit', 'closed'] as const);
  const showClosed = url.closed === '1';
  const { search, setSearch, debounced } = useUrlSearch(url.q, (q) => setUrl({ q }, { replace: true }), 250);

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

  const [editing, setEditing] = useState<UnitEditing | null>(null);
  // a save reads the chosen unit's details again
  const [saves, setSaves] = useState(0);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const selectUnit = (id: string | null) => setUrl({ unit: id });

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
      <UnitsToolbar
        search={search}
        onSearchChange={setSearch}
        showClosed={showClosed}
        onShowClosedChange={(checked) => setUrl({ closed: checked ? '1' : null })}
        count={
          units
            ? folded
              ? t('units.matchCount', { count: formatInteger(tree.matches) })
              : t('units.count', {
                  count: formatInteger(units.filter((unit) => showClosed || !isClosed(unit)).length),
                })
            : ''
        }
      />
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
      <UnitTreeTable
        rows={tree.rows}
        loading={result.fetching && !units}
        folded={folded}
        chosenId={url.unit}
        canEdit={canEdit}
        expanded={expanded}
        onExpandedChange={setExpanded}
        onSelect={selectUnit}
        onEdit={setEditing}
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
