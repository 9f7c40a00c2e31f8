import { Form, Select } from 'antd';
import { useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { ImportMappingsQuery } from './import-mapping-queries.ts';
import type { ImportKind } from './upload-import.ts';

const none = '';

/**
 * The source system whose export the file is: none (the template's own headings) or one with a
 * mapping saved for the kind, which the upload then applies (?source=).
 */
export function SourceSelect(props: {
  kind: ImportKind;
  value: string | undefined;
  onChange: (source: string | undefined) => void;
}) {
  const t = useT();
  const [mappings] = useQuery({
    query: ImportMappingsQuery,
    variables: { kind: props.kind },
    requestPolicy: 'cache-and-network',
  });
  const sources = mappings.data?.importMappings.map((mapping) => mapping.source) ?? [];
  // a source from the address stays shown while the list loads (or after its mapping went away)
  if (props.value && !sources.includes(props.value)) sources.push(props.value);
  return (
    <Form.Item
      label={t('importMapping.source')}
      htmlFor="import-source"
      style={{ minWidth: 220 }}
      extra={t('importMapping.sourceHint')}
    >
      <Select
        id="import-source"
        value={props.value ?? none}
        loading={mappings.fetching && !mappings.data}
        onChange={(value: string) => props.onChange(value === none ? undefined : value)}
        options={[
          { value: none, label: t('importMapping.noSource') },
          ...sources.map((source) => ({ value: source, label: source })),
        ]}
        data-testid="import-source"
      />
    </Form.Item>
  );
}
