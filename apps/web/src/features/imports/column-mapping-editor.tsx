import {
  Alert,
  App,
  AutoComplete,
  Button,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import {
  ImportColumnsQuery,
  ImportMappingsQuery,
  SaveImportMappingMutation,
} from './import-mapping-queries.ts';
import {
  type ImportKind,
  importKinds,
  readSampleHeadings,
  suggestMapping,
  type TemplateColumn,
} from './upload-import.ts';

type MappingValues = { kind: ImportKind; source: string; columns: Record<string, string | undefined> };

function savedColumns(columns: unknown): Record<string, string> {
  if (!columns || typeof columns !== 'object' || Array.isArray(columns)) return {};
  return Object.fromEntries(
    Object.entries(columns as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * How a source system's export (iGate, VNPT iOffice, …) names the columns of an import kind: for
 * each template column the source's heading, typed or chosen among the headings of a sample file,
 * saved per source so that the next upload from it needs no retyping.
 */
export function ColumnMappingEditor(props: {
  initialKind: ImportKind;
  onSaved: (kind: ImportKind, source: string) => void;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<MappingValues>();
  const [kind, setKind] = useState<ImportKind>(props.initialKind);
  const [sample, setSample] = useState<{ name: string; headings: string[] } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // the saved source whose headings the fields hold: leaving its name again keeps the edits
  const loadedSource = useRef<string | null>(null);
  const [columnsResult] = useQuery({ query: ImportColumnsQuery, variables: { kind } });
  const [mappingsResult, refetchMappings] = useQuery({
    query: ImportMappingsQuery,
    variables: { kind },
    requestPolicy: 'cache-and-network',
  });
  const [saving, save] = useMutation(SaveImportMappingMutation);
  const columns: readonly TemplateColumn[] = columnsResult.data?.importColumns ?? [];
  const mappings = mappingsResult.data?.importMappings ?? [];
  const findSaved = (source: string | undefined) =>
    mappings.find((mapping) => mapping.source === source?.trim());

  function chooseKind(next: ImportKind) {
    setKind(next);
    setFormError(null);
    form.setFieldValue('source', '');
    form.setFieldValue('columns', {});
    loadedSource.current = null;
    // the sample's headings are matched again once the new kind's columns arrive
    setSample(null);
  }

  function chooseSource(source: string) {
    const saved = findSaved(source);
    if (!saved || saved.source === loadedSource.current) return;
    loadedSource.current = saved.source;
    form.setFieldValue('columns', savedColumns(saved.columns));
  }

  async function readSample(file: File) {
    setFormError(null);
    try {
      const headings = await readSampleHeadings(file);
      if (headings.length === 0) {
        setFormError(t('importMapping.sampleEmpty', { file: file.name }));
        return;
      }
      setSample({ name: file.name, headings });
      const current = form.getFieldValue('columns') as MappingValues['columns'] | undefined;
      const suggested = suggestMapping(columns, headings);
      const next: Record<string, string | undefined> = {};
      for (const column of columns) {
        const typed = current?.[column.key]?.trim();
        next[column.key] = typed && headings.includes(typed) ? typed : suggested[column.key];
      }
      form.setFieldValue('columns', next);
      void message.success(
        t('importMapping.sampleRead', {
          count: headings.length,
          matched: Object.keys(suggested).length,
          file: file.name,
        }),
      );
    } catch (error) {
      setFormError(
        error instanceof Error && error.message === 'unsupported'
          ? t('importMapping.sampleUnsupported', { file: file.name })
          : t('importMapping.sampleUnreadable', { file: file.name }),
      );
    }
  }

  async function store(source: string, mapped: Record<string, string>) {
    const result = await save({ kind, source, columns: mapped });
    const outcome = result.data?.saveImportMapping;
    if (outcome?.__typename === 'SaveImportMappingSuccess') {
      loadedSource.current = source;
      void message.success(t('importMapping.saved', { source }));
      refetchMappings({ requestPolicy: 'network-only' });
      props.onSaved(kind, source);
      return;
    }
    if (outcome) {
      const fields = 'fields' in outcome ? (outcome.fields ?? []) : [];
      // each refusal beside the field it names; the rest above the form
      const placed = fields.flatMap((issue): Parameters<typeof form.setFields>[0] => {
        if (issue.field === 'source') return [{ name: ['source'], errors: [issue.message] }];
        const key = issue.field.startsWith('columns.') ? issue.field.slice('columns.'.length) : null;
        return key && columns.some((column) => column.key === key)
          ? [{ name: ['columns', key] as ['columns', string], errors: [issue.message] }]
          : [];
      });
      form.setFields(placed);
      if (placed.length < fields.length || fields.length === 0) setFormError(describeErrorResult(outcome, t));
    } else if (result.error) setFormError(describeCombinedError(result.error, t));
  }

  function submit(values: MappingValues) {
    setFormError(null);
    const source = values.source.trim();
    const mapped = Object.fromEntries(
      Object.entries(values.columns ?? {}).flatMap(([key, heading]) =>
        heading?.trim() ? [[key, heading.trim()]] : [],
      ),
    );
    if (Object.keys(mapped).length === 0) {
      setFormError(t('importMapping.nothingMapped'));
      return;
    }
    if (findSaved(source)) {
      modal.confirm({
        title: t('importMapping.overwriteTitle', { source }),
        content: t('importMapping.overwriteConfirm', { kind: t(`imports.kind.${kind}`) }),
        okText: t('importMapping.overwrite'),
        cancelText: t('app.cancel'),
        onOk: () => store(source, mapped),
      });
      return;
    }
    void store(source, mapped);
  }

  const headingOptions = (value: string | undefined) => {
    const headings = sample?.headings ?? [];
    const all = value && !headings.includes(value) ? [value, ...headings] : headings;
    return all.map((heading) => ({ value: heading, label: heading }));
  };

  return (
    <Form<MappingValues>
      form={form}
      name="import-mapping"
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: props.initialKind, source: '', columns: {} }}
      data-testid="mapping-editor"
    >
      <Typography.Paragraph type="secondary">{t('importMapping.intro')}</Typography.Paragraph>
      <Space wrap align="start" size="large">
        <Form.Item name="kind" label={t('imports.kind')} style={{ minWidth: 260 }}>
          <Select
            onChange={chooseKind}
            options={importKinds.map((item) => ({ value: item.kind, label: t(`imports.kind.${item.kind}`) }))}
            data-testid="mapping-kind"
          />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('importMapping.sourceName')}
          rules={[{ required: true, whitespace: true, message: t('importMapping.sourceRequired') }]}
          style={{ minWidth: 240 }}
          extra={t('importMapping.sourceNameHint')}
        >
          <AutoComplete
            options={mappings.map((mapping) => ({ value: mapping.source, label: mapping.source }))}
            onSelect={chooseSource}
            onBlur={() => chooseSource(form.getFieldValue('source') as string)}
            filterOption={(typed, option) =>
              String(option?.value ?? '')
                .toLowerCase()
                .includes(typed.toLowerCase())
            }
          >
            <Input maxLength={100} data-testid="mapping-source" />
          </AutoComplete>
        </Form.Item>
        <Form.Item
          label={t('importMapping.sample')}
          extra={
            sample ? t('importMapping.sampleShown', { file: sample.name }) : t('importMapping.sampleHint')
          }
        >
          <Upload
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void readSample(file);
              return false;
            }}
          >
            <Button data-testid="mapping-sample">{t('importMapping.readSample')}</Button>
          </Upload>
        </Form.Item>
      </Space>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('importMapping.columns')}
      </Typography.Title>
      {columnsResult.error && (
        <Alert type="error" showIcon role="alert" title={describeCombinedError(columnsResult.error, t)} />
      )}
      <Row gutter={16}>
        {columns.map((column) => (
          <Col key={column.key} xs={24} md={12} xl={8}>
            <Form.Item
              name={['columns', column.key]}
              label={
                <span>
                  {column.header}
                  {column.required && (
                    <Typography.Text type="secondary"> ({t('importMapping.required')})</Typography.Text>
                  )}
                </span>
              }
            >
              {sample ? (
                <Select
                  allowClear
                  showSearch
                  placeholder={t('importMapping.pickHeading')}
                  options={headingOptions(form.getFieldValue(['columns', column.key]) as string | undefined)}
                  data-testid={`mapping-column-${column.key}`}
                />
              ) : (
                <Input
                  maxLength={200}
                  placeholder={t('importMapping.typeHeading')}
                  data-testid={`mapping-column-${column.key}`}
                />
              )}
            </Form.Item>
          </Col>
        ))}
      </Row>
      {formError && (
        <Alert type="warning" showIcon role="alert" title={formError} style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" htmlType="submit" loading={saving.fetching} data-testid="mapping-save">
        {t('importMapping.save')}
      </Button>
    </Form>
  );
}
