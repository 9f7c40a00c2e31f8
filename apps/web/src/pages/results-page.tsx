import { Alert, App, Button, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/session.ts';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { AbbreviationsLegend } from '../features/results/abbreviations-legend.tsx';
import { AdjustRatingModal } from '../features/results/adjust-rating-modal.tsx';
import { type RatingValue, ratingDisplayOrder } from '../features/results/rating-display.ts';
import { ResultDetails } from '../features/results/result-details.tsx';
import type { ResultRow } from '../features/results/results-query.ts';
import { ResultsTable } from '../features/results/results-table.tsx';
import { ResultsToolbar } from '../features/results/results-toolbar.tsx';
import { useResultsList } from '../features/results/use-results-list.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatInteger } from '../lib/format.ts';
import { useUrlSearch } from '../lib/use-url-search.ts';
import { useUrlState } from '../lib/use-url-state.ts';

export function ResultsPage() {
  const t = useT();
  const { message } = App.useApp();
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
  const { search, setSearch, debounced } = useUrlSearch(url.q, (q) =>
    setUrl({ q, open: null }, { replace: true }),
  );
  const [openRow, setOpenRow] = useState<ResultRow | null>(null);
  const setDetails = (row: ResultRow | null) => {
    if (row) setOpenRow(row);
    setUrl({ open: row?.id ?? null });
  };
  const [adjusting, setAdjusting] = useState<ResultRow | null>(null);
  const cycleId = selected?.id ?? null;
  const list = useResultsList({ cycleId, unitId, rating, search: debounced });
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
      <ResultsToolbar
        cycles={cycles}
        selected={selected}
        onSelectCycle={select}
        unitId={unitId}
        onUnitChange={setUnitId}
        rating={rating}
        onRatingChange={setRating}
        search={search}
        onSearchChange={setSearch}
      />
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
      <ResultsTable
        rows={list.nodes}
        loading={list.loading && list.nodes.length === 0}
        // what the empty table means: still loading or failed (nothing to claim), no match for the
        // filters, no run yet, or a run with nobody of the viewer's scope in it
        emptyText={
          list.loading || list.error || cyclesError
            ? ' '
            : unitId || rating || debounced
              ? t('results.noMatch')
              : selected?.latestRun
                ? t('results.noneInScope')
                : t('results.empty')
        }
        onNearEnd={list.loadMore}
        onOpen={setDetails}
        onAdjust={setAdjusting}
        onCorrect={(row) => {
          setCorrecting(true);
          setAdjusting(row);
        }}
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
