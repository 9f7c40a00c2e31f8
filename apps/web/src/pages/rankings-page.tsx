import { Alert, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { BlockRankingsTable } from '../features/rankings/block-rankings-table.tsx';
import { type BlockRankingRow, BlockRankings, UnitRanking } from '../features/rankings/rankings-queries.ts';
import { UnitRankingTable } from '../features/rankings/unit-ranking-table.tsx';
import { AbbreviationsLegend } from '../features/results/abbreviations-legend.tsx';
import { unitWithParent } from '../features/units/unit-name.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';

export function RankingsPage() {
  const t = useT();
  const { cycles, selected, select, error: cyclesError } = useCycles();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [blocks] = useQuery({
    query: BlockRankings,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected,
  });
  const [ranking] = useQuery({
    query: UnitRanking,
    variables: { cycleId: selected?.id ?? '', unitId: unitId ?? '' },
    pause: !selected || !unitId,
  });
  const rows = useMemo(() => {
    const list = [...(blocks.data?.blockRankings ?? [])];
    // by block, then rank inside it; units without a block last
    return list.sort(
      (a, b) =>
        (a.unit.block?.name ?? '\uffff').localeCompare(b.unit.block?.name ?? '\uffff', 'vi') ||
        (a.blockRank ?? 9999) - (b.blockRank ?? 9999),
    );
  }, [blocks.data]);
  const error = blocks.error ?? ranking.error ?? cyclesError;
  const chosen = rows.find((row) => row.unit.id === unitId);
  // a peer unit of the block shows its rank and score; its people are not the viewer's to read
  const open = (row: BlockRankingRow) => {
    if (row.inScope) setUnitId(row.unit.id);
  };

  return (
    <section aria-labelledby="rankings-heading">
      <Space wrap align="end" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} id="rankings-heading" style={{ fontSize: 22, margin: 0 }}>
          {t('rankings.heading')}
        </Typography.Title>
        <AbbreviationsLegend />
        {cycles.length > 0 && (
          <CycleSelect
            cycles={cycles}
            value={selected?.id}
            onChange={(id) => {
              select(id);
              setUnitId(null);
            }}
          />
        )}
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeCombinedError(error, t)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card title={t('rankings.units')} size="small">
            <BlockRankingsTable rows={rows} loading={blocks.fetching} chosenId={unitId} onOpen={open} />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card
            title={chosen ? `${t('rankings.people')} · ${unitWithParent(chosen.unit)}` : t('rankings.people')}
            size="small"
          >
            {!unitId ? (
              <Empty description={t('rankings.pickUnit')} />
            ) : (
              <UnitRankingTable rows={ranking.data?.ranking ?? []} loading={ranking.fetching} />
            )}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
