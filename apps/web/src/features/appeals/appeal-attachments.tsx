// An appeal's attachments: the Upload control of the appeal forms (PDF, JPEG, PNG within the API's
// limits, checked here too so a wrong file is named at once), the upload after the appeal is filed,
// and the download links wherever an appeal is shown.
import { App, Button, Form, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { csrfHeaderName, getCsrfToken } from '../../lib/csrf-token.ts';
import { formatNumber } from '../../lib/format.ts';

const AttachmentLimitsQuery = graphql(`
  query AppealAttachmentLimits {
    appealAttachmentLimits {
      maxFiles
      maxFileBytes
      maxTotalBytes
      contentTypes
      extensions
    }
  }
`);

export type AttachmentLink = { id: string; fileName: string; size: number; downloadUrl: string };

const megabytes = (bytes: number) => formatNumber(bytes / 1024 / 1024, 'vi', 1);

type Limits = {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  contentTypes: readonly string[];
  extensions: readonly string[];
};

function useLimits(): Limits | undefined {
  const [limits] = useQuery({ query: AttachmentLimitsQuery });
  return limits.data?.appealAttachmentLimits;
}

/** Why a chosen file cannot go with an appeal (its kind, its size), or null. */
function refusalOf(file: File, rules: Limits | undefined, t: Translate): string | null {
  if (!rules) return null;
  if (!rules.contentTypes.includes(file.type)) return t('appeal.attachmentType', { name: file.name });
  if (file.size > rules.maxFileBytes) {
    return t('appeal.attachmentTooLarge', { name: file.name, size: megabytes(rules.maxFileBytes) });
  }
  return null;
}

const acceptOf = (rules: Limits | undefined) =>
  rules
    ? [...rules.extensions.map((extension) => `.${extension}`), ...rules.contentTypes].join(',')
    : undefined;

/** What the form field holds: the files chosen, not yet sent. */
export type ChosenFiles = UploadFile[] | undefined;

/** The files chosen in the field, to hand to uploadAppealFiles. */
export function chosenFiles(value: ChosenFiles): File[] {
  return (value ?? []).flatMap((item) => (item.originFileObj ? [item.originFileObj as File] : []));
}

/**
 * The form field "files" of an appeal form: an Upload control that keeps the files in the form
 * until the appeal is filed; a file of another kind or over the size cap is refused with its name.
 */
export function AppealFilesField() {
  const t = useT();
  const rules = useLimits();
  const [refusal, setRefusal] = useState<string | null>(null);
  const maxFiles = rules?.maxFiles ?? 5;
  const accept = acceptOf(rules);
  return (
    <Form.Item
      name="files"
      label={t('appeal.attachments')}
      valuePropName="fileList"
      getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
      extra={
        rules
          ? t('appeal.attachmentsHint', {
              count: rules.maxFiles,
              size: megabytes(rules.maxFileBytes),
              total: megabytes(rules.maxTotalBytes),
            })
          : undefined
      }
      help={refusal ?? undefined}
      validateStatus={refusal ? 'error' : undefined}
    >
      <Upload
        multiple
        accept={accept}
        maxCount={maxFiles}
        beforeUpload={(file) => {
          const refused = refusalOf(file, rules, t);
          setRefusal(refused);
          if (refused) return Upload.LIST_IGNORE;
          // kept in the form: sent once the appeal is filed
          return false;
        }}
      >
        <Button>{t('appeal.chooseFiles')}</Button>
      </Upload>
    </Form.Item>
  );
}

/** Refused by the API: its message (the fields' when it names them). */
export class AttachmentUploadError extends Error {}

/** Sends the files to POST /api/appeals/{appealId}/attachments (multipart, field "files"). */
export async function uploadAppealFiles(appealId: string, files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  const headers: Record<string, string> = {};
  const token = getCsrfToken();
  if (token) headers[csrfHeaderName] = token;
  const response = await fetch(`/api/appeals/${encodeURIComponent(appealId)}/attachments`, {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: form,
  });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as {
    error?: string;
    fields?: { message?: string }[];
  };
  const fields = (body.fields ?? []).map((field) => field.message).filter(Boolean);
  throw new AttachmentUploadError(fields.join('; ') || body.error || `HTTP ${response.status}`);
}

export function describeAttachmentError(error: unknown, t: Translate): string {
  return t('appeal.attachFailed', {
    reason: error instanceof AttachmentUploadError ? error.message : t('error.network'),
  });
}

/**
 * More files for an appeal still open (one sent before, or one whose files did not go with it):
 * each file chosen is sent at once; the API keeps the count and sizes.
 */
export function AddAppealFiles(props: { appealId: string; count: number; onAdded: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useLimits();
  const [sending, setSending] = useState(false);
  if (!rules || props.count >= rules.maxFiles) return null;
  return (
    <Upload
      showUploadList={false}
      accept={acceptOf(rules)}
      beforeUpload={(file) => {
        const refused = refusalOf(file, rules, t);
        if (refused) {
          void message.error(refused, 8);
          return Upload.LIST_IGNORE;
        }
        setSending(true);
        uploadAppealFiles(props.appealId, [file])
          .then(() => {
            void message.success(t('appeal.attached', { name: file.name }));
            props.onAdded();
          })
          .catch((error: unknown) =>
            message.error(error instanceof AttachmentUploadError ? error.message : t('error.network'), 8),
          )
          .finally(() => setSending(false));
        // sent here, not by the control
        return false;
      }}
    >
      <Button size="small" loading={sending}>
        {t('appeal.addFiles')}
      </Button>
    </Upload>
  );
}

/** An appeal's files as download links, with their size. */
export function AppealAttachmentLinks({ attachments }: { attachments: readonly AttachmentLink[] }) {
  const t = useT();
  if (attachments.length === 0) return null;
  return (
    <Space orientation="vertical" size={0} data-testid="appeal-attachments">
      <Typography.Text type="secondary">{t('appeal.attachments')}:</Typography.Text>
      {attachments.map((file) => (
        <a key={file.id} href={file.downloadUrl} download={file.fileName}>
          {file.fileName} ({megabytes(file.size)} MB)
        </a>
      ))}
    </Space>
  );
}
