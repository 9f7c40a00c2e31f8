import { Alert, App, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { type RatingValue, ratingDisplayOrder } from '../results/rating-display.ts';
import { AddAppealFiles } from './add-appeal-files.tsx';
import { AppealAttachmentLinks } from './appeal-attachment-links.tsx';
import {
  type AttachmentLink,
  type ChosenFiles,
  chosenFiles,
  describeAttachmentError,
  uploadAppealFiles,
} from './appeal-attachments.ts';
import { AppealFilesField } from './appeal-files-field.tsx';

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

export function MyAppealSection({
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
