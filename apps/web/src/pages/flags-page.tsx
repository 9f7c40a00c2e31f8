import { App, Button, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { unitWithParent } from '../features/units/unit-name.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { MutationError } from '../graphql/mutation-error.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../lib/error-message.ts';
import { useFocusReturn } from '../lib/focus-return.ts';
import { formatDateTime } from '../lib/format.ts';

const FlagsQuery = graphql(`
  query Flags($cycleId: ID!, $first: Int, $after: String, $kind: FlagKind, $review: FlagReview) {
    flags(cycleId: $cycleId, first: $first, after: $after, kind: $kind, review: $review) {
      totalCount
      edges {
        node {
          id
          kind
          status
          review
          reason
          reviewReason
          reviewedAt
          rule
          version
          reviewedByName
          reviewedBy {
            id
            displayName
          }
          person {
            id
            fullName
            unit {
              id
              name
              parent {
                id
                name
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ReviewFlagMutation = graphql(
  `
  mutation ReviewFlag($id: ID!, $review: FlagReviewChoice!, $reason: String!, $version: Int!) {
    reviewFlag(id: $id, review: $review, reason: $reason, version: $version) {
      __typename
      ... on ReviewFlagSuccess {
        data {
          id
          review
          reviewReason
          reviewedAt
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

type FlagRow = ResultOf<typeof FlagsQuery>['flags']['edges'][number]['node'];
type FlagKind = FlagRow['kind'];
type FlagReview = FlagRow['review'];
type ReviewChoice = Exclude<FlagReview, 'PENDING'>;

const kinds: readonly FlagKind[] = ['STREAMLINING', 'DISMISSAL_REVIEW', 'ROTATION', 'WEAK_PERFORMANCE'];
const reviews: readonly FlagReview[] = ['PENDING', 'ACCEPTED', 'DISMISSED', 'POSTPONED'];
const reviewColors: Record<FlagReview, string> = {
  PENDING: 'gold',
  ACCEPTED: 'red',
  DISMISSED: 'default',
  POSTPONED: 'blue',
};
const pageSize = 100;

function ReviewModal(props: { flag: FlagRow; onClose: () => void }) {
  useFocusReturn();
  const t = useT();
  const { message } = App.useApp();
  const [state, review] = useMutation(ReviewFlagMutation);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ review: ReviewChoice; reason: string }>();

  async function submit(values: { review: ReviewChoice; reason: string }) {
    setError(null);
    const result = await review({
      id: props.flag.id,
      review: values.review,
      reason: values.reason,
      version: props.flag.version,
    });
    const payload = result.data?.reviewFlag;
    if (result.error) setError(describeCombinedError(result.error, t));
    else if (payload?.__typename === 'ReviewFlagSuccess') {
      void message.success(t('flags.reviewed'));
      props.onClose();
    } else if (payload) setError(describeErrorResult(payload, t));
  }

  return (
    <Modal
      open
      title={t('flags.reviewTitle', { name: props.flag.person.fullName })}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t(`flag.${props.flag.kind}`)}: {props.flag.reason}
      </Typography.Paragraph>
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {error}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ review: 'ACCEPTED' }}>
        <Form.Item name="review" label={t('flags.decision')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['ACCEPTED', 'DISMISSED', 'POSTPONED'] as const).map((value) => ({
              value,
              label: t(`flagReview.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('flags.reason')}
          rules={[{ required: true, min: 5, message: t('flags.reasonRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FlagsPage() {
  const t = useT();
  const session = useSession();
  const canReview = session.data?.user.role === 'ADMIN' || session.data?.user.role === 'OFFICER';
  const { cycles, selected, select } = useCycles();
  const [kind, setKind] = useState<FlagKind | undefined>();
  const [review, setReview] = useState<FlagReview | undefined>();
  const [after, setAfter] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState<FlagRow | null>(null);
  const [result] = useQuery({
    query: FlagsQuery,
    variables: { cycleId: selected?.id ?? '', first: pageSize, after, kind, review },
    pause: !selected,
  });
  const connection = result.data?.flags;

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 30 }}>
        {t('flags.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('flags.intro')}</Typography.Paragraph>
      <Space wrap size="large" align="end" style={{ marginBottom: 16 }}>
        <CycleSelect
          cycles={cycles}
          value={selected?.id}
          onChange={(id) => {
            select(id);
            setAfter(null);
          }}
        />
        <Select<FlagKind>
          aria-label={t('flags.kind')}
          placeholder={t('flags.allKinds')}
          allowClear
          style={{ width: 260 }}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setAfter(null);
          }}
          options={kinds.map((value) => ({ value, label: t(`flag.${value}`) }))}
        />
        <Select<FlagReview>
          aria-label={t('flags.review')}
          placeholder={t('flags.allReviews')}
          allowClear
          style={{ width: 200 }}
          value={review}
          onChange={(value) => {
            setReview(value);
            setAfter(null);
          }}
          options={reviews.map((value) => ({ value, label: t(`flagReview.${value}`) }))}
        />
        {connection && (
          <Typography.Text>{t('flags.count', { count: connection.totalCount })}</Typography.Text>
        )}
      </Space>
      {result.error && (
        <Typography.Paragraph type="danger" role="alert">
          {describeCombinedError(result.error, t)}
        </Typography.Paragraph>
      )}
      <Table<FlagRow>
        rowKey="id"
        size="middle"
        loading={result.fetching}
        dataSource={connection?.edges.map((edge) => edge.node) ?? []}
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
      {connection?.pageInfo.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}>
          {t('flags.nextPage')}
        </Button>
      )}
      {reviewing && <ReviewModal flag={reviewing} onClose={() => setReviewing(null)} />}
    </div>
  );
}
