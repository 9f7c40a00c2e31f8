// An appeal's attachments: the API's limits (PDF, JPEG, PNG; checked here too so a wrong file is
// named at once), the files chosen and their upload after the appeal is filed. The controls are
// appeal-files-field.tsx, add-appeal-files.tsx and appeal-attachment-links.tsx.
import type { UploadFile } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';
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

export const megabytes = (bytes: number) => formatNumber(bytes / 1024 / 1024, 'vi', 1);

type Limits = {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  contentTypes: readonly string[];
  extensions: readonly string[];
};

export function useLimits(): Limits | undefined {
  const [limits] = useQuery({ query: AttachmentLimitsQuery });
  return limits.data?.appealAttachmentLimits;
}

/** Why a chosen file cannot go with an appeal (its kind, its size), or null. */
export function refusalOf(file: File, rules: Limits | undefined, t: Translate): string | null {
  if (!rules) return null;
  if (!rules.contentTypes.includes(file.type)) return t('appeal.attachmentType', { name: file.name });
  if (file.size > rules.maxFileBytes) {
    return t('appeal.attachmentTooLarge', { name: file.name, size: megabytes(rules.maxFileBytes) });
  }
  return null;
}

export const acceptOf = (rules: Limits | undefined) =>
  rules
    ? [...rules.extensions.map((extension) => `.${extension}`), ...rules.contentTypes].join(',')
    : undefined;

/** What the form field holds: the files chosen, not yet sent. */
export type ChosenFiles = UploadFile[] | undefined;

/** The files chosen in the field, to hand to uploadAppealFiles. */
export function chosenFiles(value: ChosenFiles): File[] {
  return (value ?? []).flatMap((item) => (item.originFileObj ? [item.originFileObj as File] : []));
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
