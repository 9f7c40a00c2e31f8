import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';
import {
  AttachmentUploadError,
  acceptOf,
  refusalOf,
  uploadAppealFiles,
  useLimits,
} from './appeal-attachments.ts';

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
