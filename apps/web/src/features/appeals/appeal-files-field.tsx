import { Button, Form, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';
import { acceptOf, megabytes, refusalOf, useLimits } from './appeal-attachments.ts';

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
