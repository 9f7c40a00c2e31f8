import { Alert, App, Form, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { DeleteEvidenceMutation, type EvidenceRow, type PersonEvidenceView } from './evidence-documents.ts';
import { fieldLabel, rowTitle, showValue } from './evidence-labels.ts';
import { noRefusal, type Refusal, reasonMissing, refusalOf } from './evidence-refusal.ts';
import { ReasonInput } from './reason-input.tsx';

export function DeleteEvidenceDialog(props: {
  cycleId: string;
  name: string;
  periodKind: PersonEvidenceView['periodKind'];
  row: EvidenceRow;
  onClose: (changed: boolean) => void;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const { row } = props;
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(noRefusal);
  const [state, remove] = useMutation(DeleteEvidenceMutation);

  async function confirmed() {
    const response = await remove({
      input: { cycleId: props.cycleId, id: row.id, reason: reason.trim(), version: row.version },
    });
    const refused = refusalOf(response, response.data?.deleteEvidence, 'DeleteEvidenceSuccess', t);
    if (refused) setRefusal(refused);
    else props.onClose(true);
  }

  function submit() {
    setTouched(true);
    setRefusal(noRefusal);
    if (reasonMissing(reason)) return;
    // a deleted row cannot be restored: say what goes before it goes
    modal.confirm({
      title: t('evidence.deleteConfirmTitle'),
      content: t('evidence.deleteConfirm', { item: rowTitle(row, props.periodKind, t), name: props.name }),
      okText: t('evidence.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: confirmed,
    });
  }

  const reasonHelp =
    refusal.reason ?? (touched && reasonMissing(reason) ? t('evidence.reasonRequired') : undefined);
  return (
    <Modal
      open
      title={t('evidence.deleteTitle', { name: props.name })}
      onCancel={() => props.onClose(false)}
      onOk={submit}
      okText={t('evidence.delete')}
      okButtonProps={{ danger: true, loading: state.fetching }}
      cancelText={t('app.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('evidence.row', { item: rowTitle(row, props.periodKind, t) })}
      </Typography.Paragraph>
      <Space wrap size={[12, 0]} style={{ marginBottom: 12 }}>
        {row.fields.map((field) => (
          <span key={field.name}>
            <Typography.Text type="secondary">{fieldLabel(field.name, t)}:</Typography.Text>{' '}
            {showValue(field, t)}
          </span>
        ))}
      </Space>
      {row.periodClosed && (
        <Alert type="info" showIcon title={t('evidence.closedNote')} style={{ marginBottom: 12 }} />
      )}
      {refusal.general && (
        <Alert type="error" showIcon role="alert" title={refusal.general} style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical">
        <ReasonInput reason={reason} onChange={setReason} help={reasonHelp} />
      </Form>
    </Modal>
  );
}
