import { Alert, Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { AbbreviationsLegend } from '../features/results/abbreviations-legend.tsx';
import { RatingTag } from '../features/results/rating-tag.tsx';
import { titleLabel, titleShort } from '../features/results/result-details.tsx';
import { unitWithParent } from '../features/units/unit-name.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatInteger, formatScore } from '../lib/format.ts';

const BlockRankings = graphql(`
  query BlockRankings($cycleId: ID!) {
    blockRankings(cycleId: $cycleId) {
      id
      blockRank
      unitScore
      inScope
      collectiveTitles
      excellentAllowed
      excellentEligible
      excellentGranted
      unit {
        id
        name
        parent {
          id
          name
        }
        peopleCount
        block {
          id
          name
        }
      }
    }
  }
`);

const UnitRanking = graphql(`
  query UnitRanking($cycleId: ID!, $unitId: ID!) {
    ranking(cycleId: $cycleId, unitId: $unitId) {
      rank
      result {
        id
        score
        finalRating
        titles
        person {
          id
          fullName
        }
        unit {
          id
          name
        }
      }
    }
  }
`);

type UnitRow = ResultOf<typeof BlockRankings>['blockRankings'][number];
type RankedRow = ResultOf<typeof UnitRanking>['ranking'][number];

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
  const open = (row: UnitRow) => {
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
            <Table<UnitRow>
              rowKey="id"
              size="small"
              loading={blocks.fetching}
              dataSource={rows}
              pagination={false}
              scroll={{ y: 'max(320px, calc(100vh - 330px))' }}
              locale={{ emptyText: t('rankings.empty') }}
              rowClassName={(row) => (row.unit.id === unitId ? 'ant-table-row-selected' : '')}
              onRow={(row) => ({
                onClick: () => open(row),
                style: { cursor: row.inScope ? 'pointer' : 'default' },
              })}
              columns={[
                {
                  title: t('rankings.block'),
                  key: 'block',
                  width: 150,
                  render: (_, row) => row.unit.block?.name ?? t('rankings.noBlock'),
                },
                {
                  title: t('rankings.rank'),
                  key: 'rank',
                  width: 80,
                  align: 'right',
                  render: (_, row) => (row.blockRank === null ? '–' : formatInteger(row.blockRank)),
                },
                {
                  title: t('rankings.unit'),
                  key: 'unit',
                  render: (_, row) =>
                    !row.inScope ? (
                      <Space size={4} wrap>
                        <span>{unitWithParent(row.unit)}</span>
                        <Tag title={t('rankings.peerHint')}>{t('rankings.peer')}</Tag>
                      </Space>
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => open(row)}
                        aria-pressed={row.unit.id === unitId}
                        style={{
                          background: 'none',
                          border: 0,
                          padding: 0,
                          color: '#a61d24',
                          cursor: 'pointer',
                          textAlign: 'left',
                        }}
                      >
                        {unitWithParent(row.unit)}
                      </button>
                    ),
                },
                {
                  title: t('rankings.score'),
                  key: 'score',
                  width: 90,
                  align: 'right',
                  render: (_, row) => formatScore(row.unitScore),
                },
                {
                  title: t('rankings.collective'),
                  key: 'titles',
                  width: 140,
                  render: (_, row) =>
                    row.collectiveTitles.map((title) => (
                      <Tag key={title} color="gold" title={titleLabel(title, t)}>
                        {titleShort(title, t)}
                      </Tag>
                    )),
                },
                {
                  title: t('rankings.quota'),
                  key: 'quota',
                  width: 110,
                  align: 'right',
                  render: (_, row) =>
                    `${formatInteger(row.excellentAllowed)}/${formatInteger(row.excellentGranted)}`,
                },
              ]}
            />
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
              <Table<RankedRow>
                rowKey={(row) => row.result.id}
                size="small"
                loading={ranking.fetching}
                dataSource={ranking.data?.ranking ?? []}
                pagination={false}
                scroll={{ y: 'max(320px, calc(100vh - 330px))' }}
                data-testid="unit-ranking"
                columns={[
                  {
                    title: t('results.col.rank'),
                    key: 'rank',
                    width: 64,
                    render: (_, row) => formatInteger(row.rank),
                  },
                  {
                    title: t('results.col.name'),
                    key: 'name',
                    render: (_, row) => row.result.person.fullName,
                  },
                  {
                    title: t('results.col.score'),
                    key: 'score',
                    width: 72,
                    align: 'right',
                    render: (_, row) => formatScore(row.result.score),
                  },
                  {
                    title: t('results.col.final'),
                    key: 'final',
                    width: 100,
                    render: (_, row) => <RatingTag rating={row.result.finalRating} />,
                  },
                  {
                    title: t('results.col.titles'),
                    key: 'titles',
                    width: 130,
                    render: (_, row) =>
                      row.result.titles.map((title) => (
                        <Tag key={title} title={titleLabel(title, t)}>
                          {titleShort(title, t)}
                        </Tag>
                      )),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
