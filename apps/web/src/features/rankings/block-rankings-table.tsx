import { Space, Table, Tag } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger, formatScore } from '../../lib/format.ts';
import { titleLabel, titleShort } from '../results/title-labels.ts';
import { unitWithParent } from '../units/unit-name.ts';
import type { BlockRankingRow } from './rankings-queries.ts';

/** The units by block and rank in it, with their score, collective titles and excellent quota; a unit in scope opens its people. */
export function BlockRankingsTable(props: {
  rows: BlockRankingRow[];
  loading: boolean;
  chosenId: string | null;
  onOpen: (row: BlockRankingRow) => void;
}) {
  const t = useT();
  const { rows, onOpen: open } = props;
  const unitId = props.chosenId;
  return (
    <Table<BlockRankingRow>
      rowKey="id"
      size="small"
      loading={props.loading}
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
          render: (_, row) => `${formatInteger(row.excellentAllowed)}/${formatInteger(row.excellentGranted)}`,
        },
      ]}
    />
  );
}
