import { Space, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { type AttachmentLink, megabytes } from './appeal-attachments.ts';

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
