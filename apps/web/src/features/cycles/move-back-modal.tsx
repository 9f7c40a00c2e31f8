import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { earlierStatuses } from './cycle-steps.ts';
import { MoveCycle } from './move-cycle-mutation.ts';
import type { CycleRow, CycleStatus } from './use-cycles.ts';

export function MoveBackModal({ cycle, onClose }: { cycle: CycleRow; onClose: () => void }) {
  useFocusReturn();
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ to: CycleStatus; reason: string }>();
  const [state, move] = useMutation(MoveCycle);
  const [error, setError] = useState<string | null>(null);
  const targets = earlierStatuses(cycle.status);

  async function submit(values: { to: CycleStatus; reason: string }) {
    setError(null);
    const result = await move({
      id: cycle.id,
      to: values.to,
      reason: values.reason.trim(),
      version: cycle.version,
    });
    const outcome = result.data?.moveCycle;
    if (outcome?.__typename === 'MoveCycleSuccess') {
      void message.success(t('cycles.moved', { status: t(`cycleStatus.${values.to}`) }));
      onClose();
    } else if (outcome) setError(describeErrorResult(outcome, t));
    else if (result.error) setError(describeCombinedError(result.error, t));
  }

  return (
    <Modal
      open
      title={`${t('cycles.moveBack')}: ${cycle.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cycles.moveBack')}
      okButtonProps={{ danger: true, loading: state.fetching }}
      cancelText={t('app.cancel')}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ to: targets.at(-1) }}>
        <Form.Item name="to" label={t('cycles.moveBackTo')} rules={[{ required: true }]}>
          <Select options={targets.map((status) => ({ value: status, label: t(`cycleStatus.${status}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cycles.moveBackReason')}
          rules={[{ required: true, min: 5, whitespace: true, message: t('cycles.moveBackReason') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
