import { Table, Tag } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger, formatScore } from '../../lib/format.ts';
import { RatingTag } from '../results/rating-tag.tsx';
import { titleLabel, titleShort } from '../results/title-labels.ts';
import type { RankedRow } from './rankings-queries.ts';

/** The people of one unit by rank, with their score, rating and titles. */
export function UnitRankingTable({ rows, loading }: { rows: RankedRow[]; loading: boolean }) {
  const t = useT();
  return (
    <Table<RankedRow>
      rowKey={(row) => row.result.id}
      size="small"
      loading={loading}
      dataSource={rows}
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
  );
}
