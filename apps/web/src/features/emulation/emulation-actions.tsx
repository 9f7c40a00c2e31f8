import { Button, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';
import { BulkProposeModal } from './bulk-propose-modal.tsx';
import { CreateSessionModal } from './create-session-modal.tsx';
import { ProposeTitleModal } from './propose-title-modal.tsx';

export function EmulationActions(props: {
  cycleId: string;
  canPropose: boolean;
  canSchedule: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState<'propose' | 'bulk' | 'session' | null>(null);
  const close = (done: boolean) => {
    setOpen(null);
    if (done) props.onChanged();
  };
  return (
    <Space wrap>
      {props.canPropose && <Button onClick={() => setOpen('propose')}>{t('emulation.propose')}</Button>}
      {props.canPropose && <Button onClick={() => setOpen('bulk')}>{t('emulation.bulkPropose')}</Button>}
      {props.canSchedule && (
        <Button onClick={() => setOpen('session')}>{t('emulation.createSession')}</Button>
      )}
      {open === 'propose' && <ProposeTitleModal cycleId={props.cycleId} onClose={close} />}
      {open === 'bulk' && <BulkProposeModal cycleId={props.cycleId} onClose={close} />}
      {open === 'session' && <CreateSessionModal cycleId={props.cycleId} onClose={close} />}
    </Space>
  );
}
