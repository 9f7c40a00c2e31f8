import { Alert, Button, Input, Tag, Typography } from 'antd';
import { useId } from 'react';
import { PersonEvidenceDrawer } from '../features/evidence/person-evidence-drawer.tsx';
import { UnitTreeSelect } from '../features/units/unit-tree-select.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatInteger } from '../lib/format.ts';
import { useUrlSearch } from '../lib/use-url-search.ts';
import { useUrlState } from '../lib/use-url-state.ts';
import './people-page.css';
import { PeopleTable } from '../features/people/people-table.tsx';
import { usePeopleList } from '../features/people/use-people-list.ts';

export function PeoplePage() {
  const t = useT();
  const searchId = useId();
  const unitId = useId();
  // the search and the unit live in the address: Back and links keep the view
  // and so do the person whose imported evidence is open, and its cycle
  const [url, setUrl] = useUrlState(['unit', 'q', 'evidence', 'cycle'] as const);
  const unit = url.unit;
  const setUnit = (value: string | undefined) => setUrl({ unit: value ?? null });
  const {
    search,
    setSearch,
    debounced: debouncedSearch,
  } = useUrlSearch(url.q, (q) => setUrl({ q }, { replace: true }));

  const list = usePeopleList({ search: debouncedSearch, unitId: unit });
  const { loading } = list;

  return (
    <section aria-labelledby="people-heading">
      <Typography.Title level={1} id="people-heading" style={{ fontSize: 22 }}>
        {t('people.heading')}
      </Typography.Title>
      <div className="people-toolbar">
        <div style={{ flex: '1 1 280px', maxWidth: 420 }}>
          <label htmlFor={searchId}>{t('people.searchLabel')}</label>
          <Input.Search
            enterButton={t('app.search')}
            id={searchId}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('people.searchPlaceholder')}
            allowClear
            loading={loading && search.trim() !== ''}
            data-testid="people-search"
          />
        </div>
        <div style={{ flex: '1 1 260px', maxWidth: 380 }}>
          <label htmlFor={unitId}>{t('people.unitLabel')}</label>
          <UnitTreeSelect id={unitId} value={unit} onChange={setUnit} style={{ width: '100%' }} />
        </div>
        <div aria-live="polite" style={{ paddingBottom: 4 }}>
          {list.totalCount !== null && (
            <Tag data-testid="people-count">
              {t('people.count', { count: formatInteger(list.totalCount) })}
            </Tag>
          )}
          {list.totalCount !== null && list.nodes.length < list.totalCount && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('people.loadedOf', {
                loaded: formatInteger(list.nodes.length),
                total: formatInteger(list.totalCount),
              })}
            </Typography.Text>
          )}
        </div>
      </div>
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
      <PeopleTable
        list={list}
        filterKey={`${debouncedSearch}|${unit ?? ''}`}
        onOpen={(personId) => setUrl({ evidence: personId })}
      />
      {url.evidence && (
        <PersonEvidenceDrawer
          personId={url.evidence}
          name={list.nodes.find((person) => person?.id === url.evidence)?.fullName ?? null}
          cycleId={url.cycle}
          onCycle={(cycle) => setUrl({ cycle })}
          onClose={() => setUrl({ evidence: null, cycle: null })}
        />
      )}
    </section>
  );
}
