import { App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AppealAttachmentLinks } from './appeal-attachment-links.tsx';
import type { AppealRow, AppealStatus } from './appeals-query.ts';
import { useReport } from './use-report.ts';

const StartReviewMutation = graphql(
  `
  mutation StartAppealReview($id: ID!, $version: Int!) {
    startAppealReview(id: $id, version: $version) {
      __typename
      ... on StartAppealReviewSuccess { data { id status version } }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const WithdrawAppealMutation = graphql(
  `
  mutation WithdrawAppeal($id: ID!, $version: Int!) {
    withdrawAppeal(id: $id, version: $version) {
      __typename
      ... on WithdrawAppealSuccess { data { id status version } }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const statusColors: Record<AppealStatus, string> = {
  SUBMITTED: 'gold',
  UNDER_REVIEW: 'blue',
  UPHELD: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'default',
};

/** The appeals of the cycle (the viewer's own for staff): an officer starts the review and decides, staff withdraw theirs. */
export function AppealsTable(props: {
  rows: AppealRow[];
  loading: boolean;
  isOfficer: boolean;
  isStaff: boolean;
  onDecide: (appeal: AppealRow) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const report = useReport();
  const { modal } = App.useApp();
  const [, startReview] = useMutation(StartReviewMutation);
  const [, withdraw] = useMutation(WithdrawAppealMutation);
  const { rows, isOfficer, isStaff } = props;
  const setDeciding = props.onDecide;
  const refresh = props.onChanged;
  return (
    <Table<AppealRow>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty description={t('appeals.empty')} /> }}
      columns={[
        ...(isStaff
          ? []
          : [
              { title: t('results.col.name'), render: (_: unknown, row: AppealRow) => row.person.fullName },
              {
                title: t('results.col.unit'),
                render: (_: unknown, row: AppealRow) => row.person.unit.name,
              },
            ]),
        { title: t('appeals.filedAt'), render: (_, row) => formatDateTime(row.filedAt) },
        { title: t('results.col.final'), render: (_, row) => t(`rating.${row.result.finalRating}`) },
        {
          title: t('appeals.requested'),
          render: (_, row) => (row.requested ? t(`rating.${row.requested}`) : '–'),
        },
        {
          title: t('appeals.reason'),
          render: (_, row) => (
            <Space orientation="vertical" size={4}>
              <span>{row.reason}</span>
              <AppealAttachmentLinks attachments={row.attachments} />
            </Space>
          ),
        },
        {
          title: t('appeals.status'),
          render: (_, row) => (
            <Space orientation="vertical" size={0}>
              <Tag color={statusColors[row.status]}>{t(`appealStatus.${row.status}`)}</Tag>
              {row.outcome && <Typography.Text type="secondary">{row.outcome}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('app.actions'),
          render: (_, row) => (
            <Space wrap>
              {isOfficer && row.status === 'SUBMITTED' && (
                <Button
                  size="small"
                  onClick={async () => {
                    const result = await startReview({ id: row.id, version: row.version });
                    if (report(result, t('appeals.reviewStarted'))) refresh();
                  }}
                >
                  {t('appeals.startReview')}
                </Button>
              )}
              {isOfficer && row.status === 'UNDER_REVIEW' && (
                <Button size="small" type="primary" onClick={() => setDeciding(row)}>
                  {t('appeals.decide')}
                </Button>
              )}
              {isStaff && (row.status === 'SUBMITTED' || row.status === 'UNDER_REVIEW') && (
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: t('appeals.withdraw'),
                      content: t('appeal.withdrawConfirmFiled', {
                        date: formatDateTime(row.filedAt),
                        rating: t(`rating.${row.result.finalRating}`),
                      }),
                      okText: t('appeals.withdraw'),
                      okButtonProps: { danger: true },
                      cancelText: t('app.cancel'),
                      onOk: async () => {
                        const result = await withdraw({ id: row.id, version: row.version });
                        if (report(result, t('appeals.withdrawn'))) refresh();
                      },
                    })
                  }
                >
                  {t('appeals.withdraw')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
