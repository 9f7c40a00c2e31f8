import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { CorrectEvidenceMutation, type EvidenceRow, type PersonEvidenceView } from './evidence-documents.ts';
import { fieldLabel, rowTitle, showValue } from './evidence-labels.ts';
import { noRefusal, type Refusal, reasonMissing, refusalOf } from './evidence-refusal.ts';
import { ReasonInput } from './reason-input.tsx';
import { ValueInput } from './value-input.tsx';

export function CorrectEvidenceDialog(props: {
  cycleId: string;
  name: string;
  periodKind: PersonEvidenceView['periodKind'];
  row: EvidenceRow;
  onClose: (changed: boolean) => void;
}) {
  const t = useT();
  const { row } = props;
  const correctable = row.fields.filter((field) => field.correctable);
  const [fieldName, setFieldName] = useState(correctable[0]?.name ?? '');
  const field = correctable.find((candidate) => candidate.name === fieldName) ?? null;
  const [value, setValue] = useState(field?.value ?? '');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(noRefusal);
  const [state, correct] = useMutation(CorrectEvidenceMutation);
  const valueMissing = !field?.nullable && value.trim() === '';

  async function submit() {
    setTouched(true);
    setRefusal(noRefusal);
    if (!field || valueMissing || reasonMissing(reason)) return;
    const response = await correct({
      input: {
        cycleId: props.cycleId,
        id: row.id,
        field: field.name,
        value: value.trim() === '' ? null : value.trim(),
        reason: reason.trim(),
        version: row.version,
      },
    });
    const refused = refusalOf(response, response.data?.correctEvidence, 'CorrectEvidenceSuccess', t);
    if (refused) setRefusal(refused);
    else props.onClose(true);
  }

  const valueHelp = refusal.value ?? (touched && valueMissing ? t('evidence.valueRequired') : undefined);
  const reasonHelp =
    refusal.reason ?? (touched && reasonMissing(reason) ? t('evidence.reasonRequired') : undefined);
  return (
    <Modal
      open
      title={t('evidence.correctTitle', { name: props.name })}
      onCancel={() => props.onClose(false)}
      onOk={() => void submit()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      okButtonProps={{ loading: state.fetching }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('evidence.row', { item: rowTitle(row, props.periodKind, t) })}
      </Typography.Paragraph>
      {row.periodClosed && (
        <Alert type="info" showIcon title={t('evidence.closedNote')} style={{ marginBottom: 12 }} />
      )}
      {refusal.general && (
        <Alert type="error" showIcon role="alert" title={refusal.general} style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical">
        <Form.Item label={t('evidence.field')} htmlFor="evidence-field" required>
          <Select
            id="evidence-field"
            value={fieldName}
            onChange={(name: string) => {
              setFieldName(name);
              setValue(correctable.find((candidate) => candidate.name === name)?.value ?? '');
              setRefusal(noRefusal);
            }}
            options={correctable.map((candidate) => ({
              value: candidate.name,
              label: fieldLabel(candidate.name, t),
            }))}
          />
        </Form.Item>
        {field && (
          <Form.Item
            label={t('evidence.newValue')}
            htmlFor="evidence-value"
            required={!field.nullable}
            extra={t('evidence.current', { value: showValue(field, t) })}
            validateStatus={valueHelp ? 'error' : undefined}
            help={valueHelp}
          >
            <ValueInput field={field} value={value} onChange={setValue} invalid={Boolean(valueHelp)} />
          </Form.Item>
        )}
        <ReasonInput reason={reason} onChange={setReason} help={reasonHelp} />
      </Form>
    </Modal>
  );
}
