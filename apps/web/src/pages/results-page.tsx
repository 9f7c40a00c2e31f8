import { Alert, App, Button, Empty, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { readFragment } from 'gql.tada';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useClient } from 'urql';
import { useSession } from '../auth/session.ts';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { ExportLinks } from '../features/documents/export-links.tsx';
import { AbbreviationsLegend } from '../features/results/abbreviations-legend.tsx';
import { AdjustRatingModal } from '../features/results/adjust-rating-modal.tsx';
import { type RatingValue, ratingDisplayOrder } from '../features/results/rating-display.ts';
import { RatingTag } from '../features/results/rating-tag.tsx';
import { ResultDetails, titleLabel, titleShort } from '../features/results/result-details.tsx';
import {
  ResultFields as ResultFieldsOf,
  type ResultRow,
  ResultsQuery,
} from '../features/results/results-query.ts';
import { unitWithParent } from '../features/units/unit-name.ts';
import { UnitTreeSelect } from '../features/units/unit-tree-select.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatInteger, formatScore } from '../lib/format.ts';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { usePagedConnection } from '../lib/use-paged-connection.ts';
import { useUrlState } from '../lib/use-url-state.ts';

const pageSize = 100;

export function ResultsPage() {
  const t = useT();
  const { message } = App.useApp();
  const client = useClient();
  const session = useSession();
  const role = session.data?.user.role;
  // the cycle, filters, search and the open result live in the address: Back and links keep the view
  const [url, setUrl] = useUrlState(['cycle', 'unit', 'rating', 'q', 'open'] as const);
  const {
    cycles,
    selected: remembered,
    select: remember,
    error: cyclesError,
    fetching: cyclesLoading,
  } = useCycles();
  const selected = cycles.find((cycle) => cycle.id === url.cycle) ?? remembered;
  const select = (id: string) => {
    remember(id);
    setUrl({ cycle: id, open: null });
  };
  const unitId = url.unit;
  const setUnitId = (value: string | undefined) => setUrl({ unit: value ?? null, open: null });
  const rating = ratingDisplayOrder.find((value) => value === url.rating);
  const setRating = (value: RatingValue | undefined) => setUrl({ rating: value ?? null, open: null });
  const [search, setSearch] = useState(url.q ?? '');
  const debounced = useDebouncedValue(search.trim(), 300);
  const written = useRef(url.q ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text is written
  useEffect(() => {
    if (debounced === (url.q ?? '')) return;
    written.current = debounced;
    setUrl({ q: debounced || null, open: null }, { replace: true });
  }, [debounced]);
  useEffect(() => {
    // Back or a link changed the search: show it (our own writes are not echoed into the box)
    if ((url.q ?? '') !== written.current) {
      written.current = url.q ?? '';
      setSearch(url.q ?? '');
    }
  }, [url.q]);
  const [openRow, setOpenRow] = useState<ResultRow | null>(null);
  const setDetails = (row: ResultRow | null) => {
    if (row) setOpenRow(row);
    setUrl({ open: row?.id ?? null });
  };
  const [adjusting, setAdjusting] = useState<ResultRow | null>(null);
  const ids = { unit: useId(), rating: useId(), search: useId() };
  const cycleId = selected?.id ?? null;

  const fetchPage = useCallback(
    async (after: string | null) => {
      if (!cycleId) return { page: { nodes: [], totalCount: 0, hasNextPage: false, endCursor: null } };
      const result = await client
        .query(
          ResultsQuery,
          {
            cycleId,
            first: pageSize,
            after,
            orderBy: 'SCORE_DESC',
            filter: { unitId: unitId ?? null, rating: rating ?? null, search: debounced || null },
          },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const results = result.data?.results;
      if (!results) return { error: result.error };
      return {
        page: {
          nodes: results.edges.map((edge) => readFragment(ResultFieldsOf, edge.node)),
          totalCount: results.totalCount,
          hasNextPage: results.pageInfo.hasNextPage,
          endCursor: results.pageInfo.endCursor ?? null,
        },
      };
    },
    [client, cycleId, unitId, rating, debounced],
  );
  const list = usePagedConnection<ResultRow>(
    `${cycleId}|${unitId ?? ''}|${rating ?? ''}|${debounced}`,
    fetchPage,
  );
  const details = url.open
    ? (list.nodes.find((node) => node.id === url.open) ?? (openRow?.id === url.open ? openRow : null))
    : null;
  // what the viewer may do with each result is the API's answer (viewerCan…): by role, scope and
  // the cycle's step; after publication a rating changes only by a numbered correction decision
  const anyDecision = list.nodes.some((node) => node.viewerCanAdjust || node.viewerCanCorrect);
  const [correcting, setCorrecting] = useState(false);

  if (!cyclesError && !cyclesLoading && cycles.length === 0 && selected === null) {
    return (
      <section>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('results.heading')}
        </Typography.Title>
        <Empty description={t('results.noCycle')} />
      </section>
    );
  }

  return (
    <section aria-labelledby="results-heading">
      <Typography.Title level={1} id="results-heading" style={{ fontSize: 22 }}>
        {role === 'COUNCIL_MEMBER' ? t('results.rankingsHeading') : t('results.heading')}
      </Typography.Title>
      <Space wrap align="end" style={{ marginBottom: 12 }}>
        <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
        <div>
          <label htmlFor={ids.unit} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
            {t('results.unitFilter')}
          </label>
          <UnitTreeSelect id={ids.unit} value={unitId} onChange={setUnitId} />
        </div>
        <div>
          <label htmlFor={ids.rating} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
            {t('results.ratingFilter')}
          </label>
          <Select
            id={ids.rating}
            style={{ minWidth: 220 }}
            allowClear
            placeholder={t('results.allRatings')}
            value={rating}
            onChange={(value) => setRating(value)}
            options={ratingDisplayOrder.map((value) => ({ value, label: t(`rating.${value}`) }))}
          />
        </div>
        <div>
          <label htmlFor={ids.search} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
            {t('results.searchLabel')}
          </label>
          <Input.Search
            enterButton={t('app.search')}
            id={ids.search}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        {selected?.latestRun && <ExportLinks cycleId={selected.id} unitId={unitId} />}
      </Space>
      {selected &&
        list.nodes.length > 0 &&
        !anyDecision &&
        (role === 'UNIT_HEAD' || role === 'OFFICER' || role === 'ADMIN') && (
          <Alert type="info" showIcon title={t('results.adjustNotAllowed')} style={{ marginBottom: 12 }} />
        )}
      {(list.error || cyclesError) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={describeCombinedError((list.error ?? cyclesError) as NonNullable<typeof list.error>, t)}
          action={<Button onClick={list.reload}>{t('app.retry')}</Button>}
        />
      )}
      <Space size={4}>
        <Typography.Text type="secondary" aria-live="polite" data-testid="results-count">
          {list.totalCount !== null && t('results.count', { count: formatInteger(list.totalCount) })}
        </Typography.Text>
        <AbbreviationsLegend />
      </Space>
      <Table<ResultRow>
        rowKey="id"
        size="middle"
        virtual
        scroll={{ x: 1100, y: 'max(360px, calc(100vh - 330px))' }}
        loading={list.loading && list.nodes.length === 0}
        dataSource={list.nodes}
        pagination={false}
        locale={{
          // what the empty table means: still loading or failed (nothing to claim), no match for the
          // filters, no run yet, or a run with nobody of the viewer's scope in it
          emptyText:
            list.loading || list.error || cyclesError
              ? ' '
              : unitId || rating || debounced
                ? t('results.noMatch')
                : selected?.latestRun
                  ? t('results.noneInScope')
                  : t('results.empty'),
        }}
        onScroll={(event) => {
          const target = event.currentTarget;
          if (target.scrollHeight - target.scrollTop - target.clientHeight < 400) list.loadMore();
        }}
        onRow={(row) =>
          ({
            'data-testid': 'result-row',
            'data-person': row.person.fullName,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('results.col.rank'),
            key: 'rank',
            width: 64,
            render: (_, _row, index) => formatInteger(index + 1),
          },
          {
            title: t('results.col.name'),
            key: 'name',
            width: 200,
            render: (_, row) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setDetails(row)}>
                {row.person.fullName}
              </Button>
            ),
          },
          {
            title: t('results.col.unit'),
            key: 'unit',
            width: 220,
            ellipsis: true,
            render: (_, row) => unitWithParent(row.unit),
          },
          {
            title: t('results.col.score'),
            key: 'score',
            width: 80,
            align: 'right',
            render: (_, row) => formatScore(row.score),
          },
          {
            title: t('results.col.self'),
            key: 'self',
            width: 110,
            render: (_, row) =>
              row.selfAssessment ? (
                <Tooltip title={row.selfAssessment.achievements}>
                  <span>
                    <RatingTag rating={row.selfAssessment.proposedRating} />
                  </span>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: t('results.col.proposed'),
            key: 'proposed',
            width: 110,
            render: (_, row) => <RatingTag rating={row.engineRating} />,
          },
          {
            title: t('results.col.final'),
            key: 'final',
            width: 130,
            render: (_, row) => (
              <Space size={4}>
                <RatingTag rating={row.finalRating} />
                {row.finalReason && (
                  <Tooltip title={row.finalReason}>
                    <Tag bordered={false}>✎</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('results.col.titles'),
            key: 'titles',
            width: 150,
            render: (_, row) =>
              row.titles.map((title) => (
                <Tooltip key={title} title={titleLabel(title, t)}>
                  <Tag>{titleShort(title, t)}</Tag>
                </Tooltip>
              )),
          },
          {
            title: t('results.col.flags'),
            key: 'flags',
            width: 170,
            render: (_, row) =>
              row.flags.map((flag) => (
                <Tooltip key={flag.kind} title={flag.reason}>
                  <Tag color={flag.status === 'ACTIVE' ? 'volcano' : 'default'}>{t(`flag.${flag.kind}`)}</Tag>
                </Tooltip>
              )),
          },
          {
            title: t('app.actions'),
            key: 'actions',
            width: 190,
            fixed: 'right',
            render: (_, row) => (
              <Space>
                <Button size="small" onClick={() => setDetails(row)}>
                  {t('app.details')}
                </Button>
                {row.viewerCanAdjust && (
                  <Button
                    size="small"
                    type="primary"
                    aria-label={t('results.adjust')}
                    onClick={() => setAdjusting(row)}
                  >
                    {t('results.adjustShort')}
                  </Button>
                )}
                {row.viewerCanCorrect && (
                  <Button
                    size="small"
                    onClick={() => {
                      setCorrecting(true);
                      setAdjusting(row);
                    }}
                  >
                    {t('results.correct')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {details && (
        <ResultDetails
          result={details}
          onClose={() => setDetails(null)}
          assessCycleId={details.viewerCanAssess && selected ? selected.id : null}
          evidenceCycleId={selected?.id ?? null}
        />
      )}
      {adjusting && selected && (
        <AdjustRatingModal
          cycleId={selected.id}
          result={adjusting}
          correction={correcting}
          onClose={(updated) => {
            setAdjusting(null);
            setCorrecting(false);
            if (updated) {
              list.updateNode(
                (node) => node.id === updated.id,
                (node) => ({ ...node, ...updated }),
              );
              void message.success(
                correcting
                  ? t('results.correctDone')
                  : t('results.adjustDone', { rating: t(`rating.${updated.finalRating}`) }),
              );
            }
          }}
        />
      )}
    </section>
  );
}
