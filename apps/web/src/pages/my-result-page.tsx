import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import {
  AddAppealFiles,
  AppealAttachmentLinks,
  AppealFilesField,
  type AttachmentLink,
  type ChosenFiles,
  chosenFiles,
  describeAttachmentError,
  uploadAppealFiles,
} from '../features/appeals/appeal-attachments.tsx';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { DeadlineTag } from '../features/cycles/deadline-tag.tsx';
import { type CycleRow, useCycles } from '../features/cycles/use-cycles.ts';
import { MyReminders } from '../features/reminders/reminders.tsx';
import { ComponentsTable } from '../features/results/components-table.tsx';
import { type RatingValue, ratingDisplayOrder } from '../features/results/rating-display.ts';
import { titleLabel } from '../features/results/result-details.tsx';
import { TraceList } from '../features/results/trace-list.tsx';
import { graphql } from '../graphql/graphql.ts';
import { MutationError } from '../graphql/mutation-error.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../lib/error-message.ts';
import { formatDate, formatDateTime, formatScore } from '../lib/format.ts';

const MyResultQuery = graphql(`
  query MyResultPage($cycleId: ID!) {
    myResult(cycleId: $cycleId) {
      id
      score
      finalRating
      finalReason
      headComment
      titles
      components {
        tasks
        conduct
        reform
        citizens
      }
      trace {
        rule
        citation
        effect
        detail
      }
    }
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
    }
    cycle(id: $cycleId) {
      id
      mySelfAssessment {
        id
        achievements
        shortcomings
        proposedRating
        submittedAt
        version
      }
    }
  }
`);

const SubmitSelfAssessment = graphql(
  `
  mutation SubmitSelfAssessmentPage($cycleId: ID!, $input: SelfAssessmentInput!, $version: Int) {
    submitSelfAssessment(cycleId: $cycleId, input: $input, version: $version) {
      __typename
      ... on SubmitSelfAssessmentSuccess {
        data {
          id
          achievements
          shortcomings
          proposedRating
          submittedAt
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const FileAppeal = graphql(
  `
  mutation FileAppealPage($cycleId: ID!, $reason: String!, $requested: Rating) {
    fileAppeal(cycleId: $cycleId, reason: $reason, requested: $requested) {
      __typename
      ... on FileAppealSuccess {
        data {
          id
          status
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const WithdrawAppeal = graphql(
  `
  mutation WithdrawAppealPage($id: ID!, $version: Int!) {
    withdrawAppeal(id: $id, version: $version) {
      __typename
      ... on WithdrawAppealSuccess {
        data {
          id
          status
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

type SelfValues = { achievements: string; shortcomings?: string; proposedRating: RatingValue };
type SelfAssessmentRow = {
  id: string;
  achievements: string;
  shortcomings: string | null;
  proposedRating: RatingValue;
  submittedAt: string | null;
  version: number;
};

function SelfAssessmentForm({
  cycle,
  current,
  onSaved,
}: {
  cycle: CycleRow;
  current: SelfAssessmentRow | null;
  onSaved: () => void;
}) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<SelfValues>();
  const [state, submit] = useMutation(SubmitSelfAssessment);
  const [error, setError] = useState<string | null>(null);
  const open = cycle.status === 'OPEN';

  async function save(values: SelfValues, file: boolean) {
    setError(null);
    const result = await submit({
      cycleId: cycle.id,
      version: current?.version ?? null,
      input: {
        achievements: values.achievements.trim(),
        shortcomings: values.shortcomings?.trim() || null,
        proposedRating: values.proposedRating,
        submit: file,
      },
    });
    const outcome = result.data?.submitSelfAssessment;
    if (outcome?.__typename === 'SubmitSelfAssessmentSuccess') {
      void message.success(
        file ? t('self.submitted', { at: formatDateTime(outcome.data.submittedAt) }) : t('self.saved'),
      );
      onSaved();
    } else if (outcome) setError(describeErrorResult(outcome, t));
    else if (result.error) setError(describeCombinedError(result.error, t));
  }

  return (
    <Card title={t('self.heading')} data-testid="self-assessment">
      {open && !current?.submittedAt && <MyReminders cycleId={cycle.id} />}
      {!open && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('self.closed', { name: cycle.name, status: t(`cycleStatus.${cycle.status}`) })}
        />
      )}
      {open && (
        <Typography.Paragraph data-testid="self-deadline">
          {t('self.deadline')} <DeadlineTag cycle={cycle} t={t} />
        </Typography.Paragraph>
      )}
      {current?.submittedAt && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('self.submitted', { at: formatDateTime(current.submittedAt) })}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<SelfValues>
        form={form}
        layout="vertical"
        disabled={!open}
        initialValues={{
          achievements: current?.achievements ?? '',
          shortcomings: current?.shortcomings ?? '',
          proposedRating: current?.proposedRating ?? 'GOOD',
        }}
        onFinish={(values) =>
          modal.confirm({
            title: t('self.submit'),
            content: t('self.submitConfirm'),
            okText: t('self.submit'),
            cancelText: t('app.cancel'),
            onOk: () => save(values, true),
          })
        }
      >
        <Form.Item
          name="achievements"
          label={t('self.achievements')}
          rules={[{ required: true, whitespace: true, message: t('self.achievementsRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="shortcomings" label={t('self.shortcomings')}>
          <Input.TextArea rows={3} maxLength={3000} showCount />
        </Form.Item>
        <Form.Item name="proposedRating" label={t('self.proposedRating')} rules={[{ required: true }]}>
          <Select
            options={ratingDisplayOrder
              .filter((rating) => rating !== 'NOT_RATED')
              .map((rating) => ({ value: rating, label: t(`rating.${rating}`) }))}
          />
        </Form.Item>
        {open && (
          <Space wrap>
            {/* a filed self-assessment is revised by filing it again, never taken back to a draft */}
            {!current?.submittedAt && (
              <Button
                loading={state.fetching}
                onClick={() => {
                  void form.validateFields().then((values) => save(values, false));
                }}
              >
                {t('self.saveDraft')}
              </Button>
            )}
            <Button type="primary" htmlType="submit" loading={state.fetching}>
              {current?.submittedAt ? t('self.resubmit') : t('self.submit')}
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}

type AppealRow = {
  id: string;
  status: 'SUBMITTED' | 'UNDER_REVIEW' | 'UPHELD' | 'REJECTED' | 'WITHDRAWN';
  reason: string;
  requested: RatingValue | null;
  outcome: string | null;
  filedAt: string;
  version: number;
  attachments: readonly AttachmentLink[];
};

type AppealValues = { reason: string; requested?: RatingValue; files?: ChosenFiles };

function AppealSection({
  cycle,
  current,
  appeals,
  onChanged,
}: {
  cycle: CycleRow;
  /** the rating appealed against: the API refuses to be asked for it again */
  current: RatingValue;
  appeals: readonly AppealRow[];
  onChanged: () => void;
}) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<AppealValues>();
  const [filing, file] = useMutation(FileAppeal);
  const [uploading, setUploading] = useState(false);
  const [, withdraw] = useMutation(WithdrawAppeal);
  const [error, setError] = useState<string | null>(null);
  const published = cycle.publishedAt ? dayjs(cycle.publishedAt) : null;
  const until = published ? published.add(cycle.appealDays, 'day') : null;
  const windowOpen = until !== null && dayjs().isBefore(until.endOf('day'));
  const pending = appeals.some((appeal) => appeal.status === 'SUBMITTED' || appeal.status === 'UNDER_REVIEW');

  async function submitAppeal(values: AppealValues) {
    setError(null);
    const result = await file({
      cycleId: cycle.id,
      reason: values.reason.trim(),
      requested: values.requested ?? null,
    });
    const outcome = result.data?.fileAppeal;
    if (outcome?.__typename === 'FileAppealSuccess') {
      setUploading(true);
      try {
        await uploadAppealFiles(outcome.data.id, chosenFiles(values.files));
        void message.success(t('appeal.filed'));
      } catch (failure) {
        setError(describeAttachmentError(failure, t));
      } finally {
        setUploading(false);
      }
      form.resetFields();
      onChanged();
    } else if (outcome) setError(describeErrorResult(outcome, t));
    else if (result.error) setError(describeCombinedError(result.error, t));
  }

  return (
    <Card title={t('appeal.heading')} data-testid="appeal">
      {until && (
        <Typography.Paragraph type="secondary">
          {windowOpen
            ? t('appeal.window', {
                days: cycle.appealDays,
                from: formatDate(cycle.publishedAt),
                until: formatDate(until.toDate()),
              })
            : t('appeal.closed', { until: formatDate(until.toDate()) })}
        </Typography.Paragraph>
      )}
      {appeals.length > 0 && (
        <List
          size="small"
          dataSource={[...appeals]}
          style={{ marginBottom: 16 }}
          renderItem={(appeal) => (
            <List.Item
              actions={
                appeal.status === 'SUBMITTED' || appeal.status === 'UNDER_REVIEW'
                  ? [
                      <AddAppealFiles
                        key="files"
                        appealId={appeal.id}
                        count={appeal.attachments.length}
                        onAdded={onChanged}
                      />,
                      <Button
                        key="withdraw"
                        danger
                        size="small"
                        onClick={() =>
                          modal.confirm({
                            title: t('appeal.withdraw'),
                            content: t('appeal.withdrawConfirmFiled', {
                              date: formatDateTime(appeal.filedAt),
                              rating: t(`rating.${current}`),
                            }),
                            okText: t('appeal.withdraw'),
                            okButtonProps: { danger: true },
                            cancelText: t('app.cancel'),
                            onOk: async () => {
                              const result = await withdraw({ id: appeal.id, version: appeal.version });
                              const outcome = result.data?.withdrawAppeal;
                              if (outcome?.__typename === 'WithdrawAppealSuccess') {
                                void message.success(t('appeal.withdrawn'));
                                onChanged();
                              } else if (outcome) void message.error(describeErrorResult(outcome, t), 8);
                              else if (result.error)
                                void message.error(describeCombinedError(result.error, t), 8);
                            },
                          })
                        }
                      >
                        {t('appeal.withdraw')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Tag color="blue">{t(`appeal.status.${appeal.status}`)}</Tag>
                  <Typography.Text type="secondary">
                    {t('appeal.filedAt')}: {formatDate(appeal.filedAt)}
                  </Typography.Text>
                  {appeal.requested && <Tag>{t(`rating.${appeal.requested}`)}</Tag>}
                </Space>
                <Typography.Text>{appeal.reason}</Typography.Text>
                <AppealAttachmentLinks attachments={appeal.attachments} />
                {appeal.outcome && (
                  <Typography.Text type="secondary">
                    {t('appeal.outcome')}: {appeal.outcome}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {windowOpen && !pending && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            modal.confirm({
              title: t('appeal.file'),
              content: t('appeal.fileConfirm'),
              okText: t('appeal.file'),
              cancelText: t('app.cancel'),
              onOk: () => submitAppeal(values),
            })
          }
        >
          <Form.Item
            name="reason"
            label={t('appeal.reason')}
            rules={[{ required: true, min: 10, whitespace: true, message: t('appeal.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={3000} showCount />
          </Form.Item>
          <Form.Item name="requested" label={t('appeal.requested')}>
            <Select
              allowClear
              options={ratingDisplayOrder
                .filter((rating) => rating !== 'NOT_RATED' && rating !== current)
                .map((rating) => ({ value: rating, label: t(`rating.${rating}`) }))}
            />
          </Form.Item>
          <AppealFilesField />
          <Button type="primary" htmlType="submit" loading={filing.fetching || uploading}>
            {t('appeal.file')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

export function MyResultPage() {
  const t = useT();
  const session = useSession();
  const { cycles, selected, select, error: cyclesError, fetching: cyclesLoading } = useCycles();
  const [result, reexecute] = useQuery({
    query: MyResultQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const mine = result.data?.myResult ?? null;
  const personId = session.data?.user.personId;
  const error = result.error ?? cyclesError;

  return (
    <section aria-labelledby="my-result-heading">
      <Typography.Title level={1} id="my-result-heading" style={{ fontSize: 22 }}>
        {t('myResult.heading')}
      </Typography.Title>
      {cycles.length > 1 && (
        <div style={{ marginBottom: 12 }}>
          <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeCombinedError(error, t)}
          action={<Button onClick={refresh}>{t('app.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      {!selected && !error && cyclesLoading && <Spin tip={t('app.loading')} />}
      {!selected && !error && !cyclesLoading && <Empty description={t('myResult.noCycle')} />}
      {selected && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            {mine ? (
              <Card
                title={selected.name}
                extra={
                  personId ? (
                    <a
                      href={`/api/export/rating-form.pdf?${new URLSearchParams({ cycleId: selected.id, personId })}`}
                      download
                    >
                      {t('myResult.printForm')}
                    </a>
                  ) : null
                }
              >
                <Row gutter={16}>
                  <Col xs={24} sm={16}>
                    <Statistic
                      title={t('myResult.rating')}
                      value={t(`rating.${mine.finalRating}`)}
                      data-testid="my-rating"
                    />
                  </Col>
                  <Col xs={24} sm={8}>
                    <Statistic title={t('myResult.score')} value={formatScore(mine.score)} />
                  </Col>
                </Row>
                {mine.finalReason && (
                  <Typography.Paragraph style={{ marginTop: 12 }}>
                    {t('results.finalReason')}: {mine.finalReason}
                  </Typography.Paragraph>
                )}
                {mine.headComment && (
                  <div data-testid="head-comment" style={{ marginTop: 12 }}>
                    <Typography.Text strong>{t('myResult.headComment')}</Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      {mine.headComment}
                    </Typography.Paragraph>
                  </div>
                )}
                <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
                  {t('myResult.titles')}
                </Typography.Title>
                <Space wrap>
                  {mine.titles.length === 0
                    ? t('app.none')
                    : mine.titles.map((title) => (
                        <Tag key={title} color="gold">
                          {titleLabel(title, t)}
                        </Tag>
                      ))}
                </Space>
                <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
                  {t('myResult.breakdown')}
                </Typography.Title>
                <ComponentsTable components={mine.components} score={mine.score} />
                <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
                  {t('myResult.reasons')}
                </Typography.Title>
                <TraceList trace={mine.trace} />
              </Card>
            ) : (
              !result.fetching && (
                <Alert type="info" showIcon title={t('myResult.notPublished', { name: selected.name })} />
              )
            )}
          </Col>
          <Col xs={24} xl={10}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {mine && (
                <AppealSection
                  cycle={selected}
                  current={mine.finalRating}
                  appeals={result.data?.myAppeals ?? []}
                  onChanged={refresh}
                />
              )}
              {result.data && (
                <SelfAssessmentForm
                  key={`${selected.id}:${result.data.cycle?.mySelfAssessment[0]?.version ?? 0}`}
                  cycle={selected}
                  current={result.data.cycle?.mySelfAssessment[0] ?? null}
                  onSaved={refresh}
                />
              )}
            </Space>
          </Col>
        </Row>
      )}
    </section>
  );
}
