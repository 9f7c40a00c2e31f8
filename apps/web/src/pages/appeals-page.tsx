import { App, Button, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import {
  AppealAttachmentLinks,
  AppealFilesField,
  type ChosenFiles,
  chosenFiles,
  describeAttachmentError,
  uploadAppealFiles,
} from '../features/appeals/appeal-attachments.tsx';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { ratingChoiceRefusal } from '../features/results/rating-display.ts';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { MutationError } from '../graphql/mutation-error.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult, type ErrorResult } from '../lib/error-message.ts';
import { useFocusReturn } from '../lib/focus-return.ts';
import { formatDateTime } from '../lib/format.ts';

const AppealsQuery = graphql(`
  query Appeals($cycleId: ID!, $first: Int, $filter: AppealsFilter) {
    appeals(cycleId: $cycleId, first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          status
          reason
          requested
          outcome
          filedAt
          decidedAt
          version
          attachments {
          id
          fileName
          size
          downloadUrl
          }
          decidedBy {
          id
          displayName
          }
          person {
          id
          fullName
          unit {
          id
          name
          }
          }
          result {
          id
          finalRating
          score
          }
        }
      }
    }
  }
`);

const MyAppealsQuery = graphql(`
  query MyAppeals($cycleId: ID) {
    myAppeals(cycleId: $cycleId) {
      id
      status
      reason
      requested
      outcome
      filedAt
      decidedAt
      version
      attachments {
      id
      fileName
      size
      downloadUrl
      }
      decidedBy {
      id
      displayName
      }
      person {
      id
      fullName
      unit {
      id
      name
      }
      }
      result {
      id
      finalRating
      score
      }
    }
  }
`);

const MyCurrentRatingQuery = graphql(`
  query MyCurrentRating($cycleId: ID!) {
    myResult(cycleId: $cycleId) {
      id
      finalRating
    }
  }
`);

const FileAppealMutation = graphql(
  `
  mutation FileAppeal($cycleId: ID!, $reason: String!, $requested: Rating) {
    fileAppeal(cycleId: $cycleId, reason: $reason, requested: $requested) {
      __typename
      ... on FileAppealSuccess { data { id status version } }
      ...MutationError
    }
  }
`,
  [MutationError],
);

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

const DecideAppealMutation = graphql(
  `
  mutation DecideAppeal($id: ID!, $outcome: AppealOutcome!, $rating: Rating, $reason: String!, $version: Int!) {
    decideAppeal(id: $id, outcome: $outcome, rating: $rating, reason: $reason, version: $version) {
      __typename
      ... on DecideAppealSuccess { data { id status outcome decidedAt version result { id finalRating version } } }
      ...MutationError
    }
  }
`,
  [MutationError],
);

// What an upheld appeal may change the rating to is the API's to say (the rules engine judges each
// choice: hard rules, the excellent quota); the form offers those, the refused ones with the reason.
const AppealRatingChoicesQuery = graphql(`
  query AppealRatingChoices($resultId: ID!) {
    node(id: $resultId) {
      __typename
      ... on EvaluationResult {
        id
        ratingChoices {
          rating
          allowed
          rule
          citation
          reason
        }
      }
    }
  }
`);

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

type AppealRow = ResultOf<typeof MyAppealsQuery>['myAppeals'][number];
type AppealStatus = AppealRow['status'];
type Rating = NonNullable<AppealRow['requested']>;

const ratings: readonly Rating[] = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'];
const statuses: readonly AppealStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'UPHELD', 'REJECTED', 'WITHDRAWN'];
const statusColors: Record<AppealStatus, string> = {
  SUBMITTED: 'gold',
  UNDER_REVIEW: 'blue',
  UPHELD: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'default',
};

type Outcome = { __typename: string } | undefined;

/** Turns a mutation answer into a toast or an error sentence; true when it succeeded. */
function useReport() {
  const t = useT();
  const { message } = App.useApp();
  return (
    result: { data?: Record<string, Outcome> | null; error?: Parameters<typeof describeCombinedError>[0] },
    done: string,
  ) => {
    if (result.error) {
      void message.error(describeCombinedError(result.error, t));
      return false;
    }
    // the one field of the mutation's answer (the cache may add the root's __typename beside it)
    const payload = Object.values(result.data ?? {}).find(
      (value): value is { __typename: string } =>
        typeof value === 'object' && value !== null && '__typename' in value,
    );
    if (payload?.__typename.endsWith('Success')) {
      void message.success(done);
      return true;
    }
    if (payload) void message.error(describeErrorResult(payload as ErrorResult, t));
    return false;
  };
}

function FileAppealForm(props: { cycleId: string; onFiled: () => void }) {
  const t = useT();
  const report = useReport();
  const { message } = App.useApp();
  const [state, fileAppeal] = useMutation(FileAppealMutation);
  const [uploading, setUploading] = useState(false);
  const [form] = Form.useForm<{ reason: string; requested?: Rating; files?: ChosenFiles }>();
  // the rating appealed against: the API refuses to be asked for it again
  const [mine] = useQuery({ query: MyCurrentRatingQuery, variables: { cycleId: props.cycleId } });
  const current = mine.data?.myResult?.finalRating;
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      onFinish={async (values) => {
        const result = await fileAppeal({
          cycleId: props.cycleId,
          reason: values.reason,
          requested: values.requested ?? null,
        });
        const filed = result.data?.fileAppeal;
        if (report(result, t('appeals.filed')) && filed?.__typename === 'FileAppealSuccess') {
          setUploading(true);
          try {
            await uploadAppealFiles(filed.data.id, chosenFiles(values.files));
          } catch (failure) {
            void message.error(describeAttachmentError(failure, t), 8);
          } finally {
            setUploading(false);
          }
          form.resetFields();
          props.onFiled();
        }
      }}
    >
      <Form.Item name="requested" label={t('appeals.requested')}>
        <Select
          allowClear
          options={ratings
            .filter((value) => value !== current)
            .map((value) => ({ value, label: t(`rating.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('appeals.reason')}
        rules={[{ required: true, min: 10, message: t('appeals.reasonRequired') }]}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
      <AppealFilesField />
      <Button type="primary" htmlType="submit" loading={state.fetching || uploading}>
        {t('appeals.file')}
      </Button>
    </Form>
  );
}

function DecideModal(props: { appeal: AppealRow; onClose: () => void }) {
  useFocusReturn();
  const t = useT();
  const report = useReport();
  const [state, decide] = useMutation(DecideAppealMutation);
  const [form] = Form.useForm<{ outcome: 'UPHELD' | 'REJECTED'; rating?: Rating; reason: string }>();
  const outcome = Form.useWatch('outcome', form);
  const [answer] = useQuery({
    query: AppealRatingChoicesQuery,
    variables: { resultId: props.appeal.result.id },
    requestPolicy: 'network-only',
  });
  const node = answer.data?.node;
  // the current rating is no change (the API refuses it)
  const current = props.appeal.result.finalRating;
  const choices = useMemo(
    () =>
      node?.__typename === 'EvaluationResult'
        ? node.ratingChoices.filter((choice) => choice.rating !== current)
        : [],
    [node, current],
  );
  const loaded = node !== undefined;
  useEffect(() => {
    // the rating asked for stays chosen only when the engine allows it
    if (!loaded) return;
    const chosen = form.getFieldValue('rating') as Rating | undefined;
    if (chosen && !choices.some((choice) => choice.rating === chosen && choice.allowed))
      form.setFieldValue('rating', undefined);
  }, [loaded, choices, form]);
  return (
    <Modal
      open
      title={t('appeals.decideTitle', { name: props.appeal.person.fullName })}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>{props.appeal.reason}</Typography.Paragraph>
      <AppealAttachmentLinks attachments={props.appeal.attachments} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'UPHELD', rating: props.appeal.requested ?? undefined }}
        onFinish={async (values) => {
          const result = await decide({
            id: props.appeal.id,
            outcome: values.outcome,
            rating: values.outcome === 'UPHELD' ? (values.rating ?? null) : null,
            reason: values.reason,
            version: props.appeal.version,
          });
          if (report(result, t('appeals.decided'))) props.onClose();
        }}
      >
        <Form.Item name="outcome" label={t('appeals.outcome')}>
          <Radio.Group
            options={[
              { value: 'UPHELD', label: t('appealStatus.UPHELD') },
              { value: 'REJECTED', label: t('appealStatus.REJECTED') },
            ]}
          />
        </Form.Item>
        {outcome === 'UPHELD' && (
          <Form.Item
            name="rating"
            label={t('appeals.newRating')}
            extra={loaded && choices.length === 0 ? t('appeals.noRatingChoices') : undefined}
          >
            <Select
              allowClear
              loading={answer.fetching}
              options={choices.map((choice) => ({
                value: choice.rating,
                disabled: !choice.allowed,
                label: choice.allowed
                  ? t(`rating.${choice.rating}`)
                  : `${t(`rating.${choice.rating}`)} — ${ratingChoiceRefusal(choice, t)}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('appeals.decisionReason')}
          rules={[{ required: true, min: 5, message: t('appeals.reasonRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AppealsPage() {
  const t = useT();
  const session = useSession();
  const role = session.data?.user.role;
  const isOfficer = role === 'ADMIN' || role === 'OFFICER';
  const isStaff = role === 'STAFF';
  const report = useReport();
  const { modal } = App.useApp();
  const { cycles, selected, select } = useCycles();
  const [status, setStatus] = useState<AppealStatus | undefined>();
  const [deciding, setDeciding] = useState<AppealRow | null>(null);
  const [all, refetchAll] = useQuery({
    query: AppealsQuery,
    variables: { cycleId: selected?.id ?? '', first: 200, filter: status ? { status } : null },
    pause: !selected || isStaff,
  });
  const [mine, refetchMine] = useQuery({
    query: MyAppealsQuery,
    variables: { cycleId: selected?.id ?? null },
    pause: !selected || !isStaff,
  });
  const [, startReview] = useMutation(StartReviewMutation);
  const [, withdraw] = useMutation(WithdrawAppealMutation);
  const refresh = () => {
    refetchAll({ requestPolicy: 'network-only' });
    refetchMine({ requestPolicy: 'network-only' });
  };

  const rows: AppealRow[] = isStaff
    ? (mine.data?.myAppeals ?? [])
    : (all.data?.appeals.edges.map((edge) => edge.node) ?? []);
  const error = all.error ?? mine.error;
  const open = rows.some((row) => row.status === 'SUBMITTED' || row.status === 'UNDER_REVIEW');

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 30 }}>
        {t('appeals.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('appeals.intro', { days: selected?.appealDays ?? '–' })}
      </Typography.Paragraph>
      <Space wrap size="large" align="end" style={{ marginBottom: 16 }}>
        <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
        {!isStaff && (
          <Select<AppealStatus>
            aria-label={t('appeals.status')}
            placeholder={t('appeals.allStatuses')}
            allowClear
            style={{ width: 220 }}
            value={status}
            onChange={setStatus}
            options={statuses.map((value) => ({ value, label: t(`appealStatus.${value}`) }))}
          />
        )}
      </Space>
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {describeCombinedError(error, t)}
        </Typography.Paragraph>
      )}
      <Table<AppealRow>
        rowKey="id"
        size="middle"
        loading={all.fetching || mine.fetching}
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
      {isStaff && selected && !open && (
        <div style={{ marginTop: 24 }}>
          <Typography.Title level={4}>{t('appeals.file')}</Typography.Title>
          {selected.status === 'PUBLISHED' ? (
            <FileAppealForm cycleId={selected.id} onFiled={refresh} />
          ) : (
            <Typography.Paragraph type="secondary">{t('appeals.notPublished')}</Typography.Paragraph>
          )}
        </div>
      )}
      {deciding && (
        <DecideModal
          appeal={deciding}
          onClose={() => {
            setDeciding(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}
