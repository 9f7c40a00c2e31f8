import { App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import {
  type ChosenFiles,
  chosenFiles,
  describeAttachmentError,
  uploadAppealFiles,
} from './appeal-attachments.ts';
import { AppealFilesField } from './appeal-files-field.tsx';
import { type Rating, ratings } from './appeals-query.ts';
import { useReport } from './use-report.ts';

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

export function FileAppealForm(props: { cycleId: string; onFiled: () => void }) {
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
