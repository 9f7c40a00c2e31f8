import { Form, Input } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';

export function ReasonInput(props: {
  reason: string;
  onChange: (reason: string) => void;
  help: string | undefined;
}) {
  const t = useT();
  return (
    <Form.Item
      label={t('evidence.reason')}
      htmlFor="evidence-reason"
      required
      validateStatus={props.help ? 'error' : undefined}
      help={props.help}
    >
      <Input.TextArea
        id="evidence-reason"
        rows={3}
        maxLength={2000}
        showCount
        value={props.reason}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Form.Item>
  );
}
