import { Input, Radio, Select } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import type { EvidenceField } from './evidence-documents.ts';
import { optionLabel } from './evidence-labels.ts';

/** The input a field's type asks for; its value always as the API's text. */
export function ValueInput(props: {
  field: EvidenceField;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
}) {
  const t = useT();
  const { field, value, onChange } = props;
  const status = props.invalid ? 'error' : undefined;
  switch (field.type) {
    case 'BOOLEAN':
      return (
        <Radio.Group
          id="evidence-value"
          value={value}
          onChange={(event) => onChange(event.target.value as string)}
        >
          <Radio value="true">{t('app.yes')}</Radio>
          <Radio value="false">{t('app.no')}</Radio>
        </Radio.Group>
      );
    case 'CHOICE':
      return (
        <Select
          id="evidence-value"
          value={value || undefined}
          status={status}
          onChange={(chosen: string) => onChange(chosen)}
          options={(field.options ?? []).map((option) => ({ value: option, label: optionLabel(option, t) }))}
        />
      );
    case 'DATE':
      return (
        <Input
          id="evidence-value"
          type="date"
          status={status}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'INT':
    case 'NUMBER':
      return (
        <Input
          id="evidence-value"
          inputMode={field.type === 'INT' ? 'numeric' : 'decimal'}
          status={status}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <Input
          id="evidence-value"
          status={status}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
