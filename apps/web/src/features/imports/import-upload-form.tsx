import { Alert, Button, Form, Select, Space, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { CycleSelect } from '../cycles/cycle-select.tsx';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { ImportFileField } from './import-file-field.tsx';
import { ImportTemplateLinks } from './import-template-links.tsx';
import { SourceSelect } from './source-select.tsx';
import { type ImportKind, importKinds } from './upload-import.ts';

/** What to import (the kind, its cycle, the source system, the file) and the upload button; the templates to fill in beside. */
export function ImportUploadForm(props: {
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  needsCycle: boolean;
  cycles: readonly CycleRow[];
  cycleId: string | undefined;
  onCycleChange: (id: string) => void;
  source: string | undefined;
  onSourceChange: (source: string | undefined) => void;
  file: File | null;
  onChoose: (file: File) => void;
  onRemove: () => void;
  error: string | null;
  pending: boolean;
  onSubmit: () => void;
}) {
  const t = useT();
  const { kind, needsCycle, cycles, source, file } = props;
  const formError = props.error;
  return (
    <Form layout="vertical" onFinish={props.onSubmit}>
      <Space wrap align="start" size="large">
        <Form.Item label={t('imports.kind')} htmlFor="import-kind" style={{ minWidth: 260 }}>
          <Select
            id="import-kind"
            value={kind}
            onChange={props.onKindChange}
            options={importKinds.map((item) => ({
              value: item.kind,
              label: t(`imports.kind.${item.kind}`),
            }))}
          />
        </Form.Item>
        {needsCycle && <CycleSelect cycles={cycles} value={props.cycleId} onChange={props.onCycleChange} />}
        <SourceSelect kind={kind} value={source} onChange={props.onSourceChange} />
        <ImportTemplateLinks kind={kind} />
      </Space>
      <Typography.Paragraph type="secondary">{t('imports.templateHint')}</Typography.Paragraph>
      <ImportFileField file={file} onChoose={props.onChoose} onRemove={props.onRemove} />
      {formError && (
        <Alert type="warning" showIcon role="alert" title={formError} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" htmlType="submit" loading={props.pending} data-testid="import-submit">
        {t('imports.upload')}
      </Button>
    </Form>
  );
}
