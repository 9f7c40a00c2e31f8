import { useVirtualizer } from '@tanstack/react-virtual';
import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';
import { unitWithParent } from '../units/unit-name.ts';
import type { PeopleList } from './use-people-list.ts';

const rowHeight = 44;

/** The people as a virtual table: only the rows on screen are drawn, the next page is read near the end. */
export function PeopleTable(props: {
  list: PeopleList;
  filterKey: string;
  onOpen: (personId: string) => void;
}) {
  const t = useT();
  const { list } = props;
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
  }, [props.filterKey]);

  return (
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
                          onClick={() => props.onOpen(person.id)}
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
  );
}
