import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger, formatScore } from '../../lib/format.ts';
import { unitWithParent } from '../units/unit-name.ts';
import { RatingTag } from './rating-tag.tsx';
import type { ResultRow } from './results-query.ts';
import { titleLabel, titleShort } from './title-labels.ts';

/** The results of the cycle, best score first, read page by page as the table scrolls; a row opens its details, adjusts or corrects. */
export function ResultsTable(props: {
  rows: ResultRow[];
  loading: boolean;
  emptyText: string;
  onNearEnd: () => void;
  onOpen: (row: ResultRow) => void;
  onAdjust: (row: ResultRow) => void;
  onCorrect: (row: ResultRow) => void;
}) {
  const t = useT();
  const setDetails = props.onOpen;
  const setAdjusting = props.onAdjust;
  return (
    <Table<ResultRow>
      rowKey="id"
      size="middle"
      virtual
      scroll={{ x: 1100, y: 'max(360px, calc(100vh - 330px))' }}
      loading={props.loading}
      dataSource={props.rows}
      pagination={false}
      locale={{
        emptyText: props.emptyText,
      }}
      onScroll={(event) => {
        const target = event.currentTarget;
        if (target.scrollHeight - target.scrollTop - target.clientHeight < 400) props.onNearEnd();
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
                <Button size="small" onClick={() => props.onCorrect(row)}>
                  {t('results.correct')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
