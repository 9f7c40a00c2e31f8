import { Form, Space } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { type ImportKind, templateUrl } from './upload-import.ts';

/** The blank templates of the kind, to fill in. */
export function ImportTemplateLinks({ kind }: { kind: ImportKind }) {
  const t = useT();
  return (
    <Form.Item label={t('imports.template')}>
      <Space>
        <a href={templateUrl(kind, 'xlsx')} download>
          .xlsx
        </a>
        <a href={templateUrl(kind, 'csv')} download>
          .csv
        </a>
      </Space>
    </Form.Item>
  );
}
