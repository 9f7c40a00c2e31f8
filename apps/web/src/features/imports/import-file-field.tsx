import { Button, Form, Upload } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';

/** The one file to import (.xlsx or .csv), kept in the form until it is uploaded. */
export function ImportFileField(props: {
  file: File | null;
  onChoose: (file: File) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const { file } = props;
  return (
    <Form.Item label={t('imports.file')} required>
      <Upload
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        maxCount={1}
        beforeUpload={(chosen) => {
          props.onChoose(chosen);
          return false;
        }}
        onRemove={props.onRemove}
        fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
      >
        <Button>{t('imports.choose')}</Button>
      </Upload>
    </Form.Item>
  );
}
