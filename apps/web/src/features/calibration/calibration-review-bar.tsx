import { Alert, App, Button, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../auth/session.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { type CalibrationData, ReviewCalibrationMutation } from './calibration-queries.ts';

/** Whether the calibration was reviewed, and by whom; the council or the office records the review while the cycle is in review. */

export function CalibrationReviewBar({
  cycle,
  data,
  onRecorded,
}: {
  cycle: CycleRow;
  data: CalibrationData;
  onRecorded: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const role = session.data?.user.role;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [state, review] = useMutation(ReviewCalibrationMutation);
  const [error, setError] = useState<string | null>(null);
  const mayRecord = role === 'COUNCIL_MEMBER' || role === 'OFFICER' || role === 'ADMIN';
  const last = data.reviews.at(-1);

  async function submit() {
    setError(null);
    const result = await review({ cycleId: cycle.id, note: note.trim() || null });
    const outcome = result.data?.reviewCalibration;
    if (result.error) setError(describeCombinedError(result.error, t));
    else if (outcome && outcome.__typename !== 'ReviewCalibrationSuccess')
      setError(describeErrorResult(outcome, t));
    else {
      setOpen(false);
      setNote('');
      void message.success(t('calibration.recorded'));
      onRecorded();
    }
  }

  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {last ? (
        <Tag color="green" data-testid="calibration-reviewed">
          {t('calibration.reviewed', { name: last.byName ?? '–', at: formatDateTime(last.at) })}
        </Tag>
      ) : (
        <Tag color="gold">{t('calibration.notReviewed')}</Tag>
      )}
      {mayRecord && (
        <Button
          type="primary"
          disabled={cycle.status !== 'REVIEW'}
          title={cycle.status !== 'REVIEW' ? t('calibration.reviewOnlyInReview') : undefined}
          onClick={() => setOpen(true)}
        >
          {t('calibration.review')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('calibration.review')}
        okText={t('app.confirm')}
        cancelText={t('app.cancel')}
        confirmLoading={state.fetching}
        okButtonProps={{ disabled: state.fetching }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>
          {t('calibration.reviewConfirm', { count: formatInteger(data.findings.length) })}
        </Typography.Paragraph>
        <label htmlFor="calibration-note">{t('calibration.reviewNote')}</label>
        <Input.TextArea
          id="calibration-note"
          rows={3}
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
        />
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
      </Modal>
    </Space>
  );
}
