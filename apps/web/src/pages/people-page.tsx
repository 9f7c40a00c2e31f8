import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Input, Tag, Typography } from 'antd';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useClient } from 'urql';
import { PersonEvidenceDrawer } from '../features/evidence/person-evidence-drawer.tsx';
import { unitWithParent } from '../features/units/unit-name.ts';
import { UnitTreeSelect } from '../features/units/unit-tree-select.tsx';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatInteger } from '../lib/format.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { usePagedConnection } from '../lib/use-paged-connection.ts';
import { useUrlState } from '../lib/use-url-state.ts';
import './people-page.css';

const PeopleQuery = graphql(`
  query PeoplePage($first: Int, $after: String, $filter: PeopleFilter) {
    people(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          code
          fullName
          category
          positionTitle
          unit {
            id
            name
            parent {
              id
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type PersonRow = ResultOf<typeof PeopleQuery>['people']['edges'][number]['node'];

const pageSize = 100;
const rowHeight = 44;

export function PeoplePage() {
  const t = useT();
  const client = useClient();
  const searchId = useId();
  const unitId = useId();
  // the search and the unit live in the address: Back and links keep the view
  // and so do the person whose imported evidence is open, and its cycle
  const [url, setUrl] = useUrlState(['unit', 'q', 'evidence', 'cycle'] as const);
  const unit = url.unit;
  const setUnit = (value: string | undefined) => setUrl({ unit: value ?? null });
  const [search, setSearch] = useState(url.q ?? '');
  const debouncedSearch = useDebouncedValue(search.trim(), 300);
  const written = useRef(url.q ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text is written
  useEffect(() => {
    if (debouncedSearch === (url.q ?? '')) return;
    written.current = debouncedSearch;
    setUrl({ q: debouncedSearch || null }, { replace: true });
  }, [debouncedSearch]);
  useEffect(() => {
    // Back or a link changed the search: show it (our own writes are not echoed into the box)
    if ((url.q ?? '') !== written.current) {
      written.current = url.q ?? '';
      setSearch(url.q ?? '');
    }
  }, [url.q]);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          PeopleQuery,
          { first: pageSize, after, filter: { search: debouncedSearch || null, unitId: unit ?? null } },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const people = result.data?.people;
      if (!people) return { error: result.error };
      return {
        page: {
          nodes: people.edges.map((edge) => edge.node),
          totalCount: people.totalCount,
          hasNextPage: people.pageInfo.hasNextPage,
          endCursor: people.pageInfo.endCursor ?? null,
        },
      };
    },
    [client, debouncedSearch, unit],
  );
  const list = usePagedConnection<PersonRow>(`${debouncedSearch}|${unit ?? ''}`, fetchPage);

  const scroller = useRef<HTMLElement>(null);
  const count = list.totalCount ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  // read the next page when the rows on screen come near the end of what is loaded
  const { loadMore, hasNextPage, loading, nodes } = list;
  useEffect(() => {
    if (hasNextPage && !loading && lastIndex >= nodes.length - 30 && nodes.length > 0) loadMore();
  }, [lastIndex, nodes.length, hasNextPage, loading, loadMore]);

  // a new filter starts again at the top
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter is the trigger
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [debouncedSearch, unit]);

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
      <section
        className="people-scroller"
        ref={scroller}
        data-testid="people-scroller"
        // the list scrolls inside this box: focusable so the keyboard can scroll it, named for screen readers
        aria-label={t('people.heading')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keys
        tabIndex={0}
      >
        <table className="people-table" aria-rowcount={count + 1}>
          <caption className="visually-hidden">{t('people.heading')}</caption>
          <thead>
            <tr className="people-row header">
              <th scope="col">{t('people.col.code')}</th>
              <th scope="col">{t('people.col.name')}</th>
              <th scope="col" className="optional">
                {t('people.col.unit')}
              </th>
              <th scope="col" className="optional">
                {t('people.col.category')}
              </th>
              <th scope="col" className="optional">
                {t('people.col.position')}
              </th>
            </tr>
          </thead>
          {list.totalCount === 0 && !loading ? (
            <tbody>
              <tr>
                <td style={{ padding: 24, color: '#595959' }}>{t('people.empty')}</td>
              </tr>
            </tbody>
          ) : (
            <tbody style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const person = list.nodes[item.index];
                return (
                  <tr
                    key={item.key}
                    aria-rowindex={item.index + 2}
                    className={person ? 'people-row' : 'people-row placeholder'}
                    style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                    data-testid={person ? 'person-row' : undefined}
                  >
                    {person ? (
                      <>
                        <td>{person.code}</td>
                        <td title={person.fullName}>
                          <Button
                            type="link"
                            className="people-name"
                            onClick={() => setUrl({ evidence: person.id })}
                            aria-label={t('evidence.open', { name: person.fullName })}
                          >
                            {person.fullName}
                          </Button>
                        </td>
                        <td className="optional" title={unitWithParent(person.unit)}>
                          {unitWithParent(person.unit)}
                        </td>
                        <td className="optional">{t(`category.${person.category}`)}</td>
                        <td className="optional">{person.positionTitle ?? ''}</td>
                      </>
                    ) : (
                      <td>{t('people.loadingRow')}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          )}
        </table>
      </section>
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
