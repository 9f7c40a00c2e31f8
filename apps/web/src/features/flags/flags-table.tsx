import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { unitWithParent } from '../units/unit-name.ts';
import type { FlagReview, FlagRow } from './flags-query.ts';

const reviewColors: Record<FlagReview, string> = {
  PENDING: 'gold',
  ACCEPTED: 'red',
  DISMISSED: 'default',
  POSTPONED: 'blue',
};

/** The flags with the person, kind, reason and review; a reviewer opens the review of one. */
export function FlagsTable(props: {
  rows: FlagRow[];
  loading: boolean;
  canReview: boolean;
  onReview: (flag: FlagRow) => void;
}) {
  const t = useT();
  const { canReview } = props;
  const setReviewing = props.onReview;
  return (
    <Table<FlagRow>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.rows}
      pagination={false}
      locale={{ emptyText: <Empty description={t('flags.empty')} /> }}
      columns={[
        { title: t('results.col.name'), render: (_, row) => row.person.fullName },
        { title: t('results.col.unit'), render: (_, row) => unitWithParent(row.person.unit) },
        { title: t('flags.kind'), render: (_, row) => t(`flag.${row.kind}`) },
        { title: t('flags.reason'), dataIndex: 'reason' },
        {
          title: t('flags.review'),
          render: (_, row) => (
            <Space orientation="vertical" size={0}>
              <Tag color={reviewColors[row.review]}>{t(`flagReview.${row.review}`)}</Tag>
              {row.reviewReason && <Typography.Text type="secondary">{row.reviewReason}</Typography.Text>}
              {row.reviewedAt && (
                <Typography.Text type="secondary">
                  {row.reviewedByName} · {formatDateTime(row.reviewedAt)}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        ...(canReview
          ? [
              {
                title: t('app.actions'),
                render: (_: unknown, row: FlagRow) => (
                  <Button size="small" onClick={() => setReviewing(row)}>
                    {t('flags.reviewAction')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
