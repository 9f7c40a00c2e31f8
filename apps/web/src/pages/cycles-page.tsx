import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { type Role, useSession } from '../auth/session.ts';
import { CreateCycleModal } from '../features/cycles/create-cycle-modal.tsx';
import { CyclesTable } from '../features/cycles/cycles-table.tsx';
import { MoveBackModal } from '../features/cycles/move-back-modal.tsx';
import { type CycleRow, useCycles } from '../features/cycles/use-cycles.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';

const managers: readonly Role[] = ['ADMIN', 'OFFICER'];

export function CyclesPage() {
  const t = useT();
  const session = useSession();
  const role = session.data?.user.role;
  const canManage = role ? managers.includes(role) : false;
  const { cycles, fetching, error, refresh } = useCycles();
  const [creating, setCreating] = useState(false);
  const [movingBack, setMovingBack] = useState<CycleRow | null>(null);

  return (
    <section aria-labelledby="cycles-heading">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} id="cycles-heading" style={{ fontSize: 22, margin: 0 }}>
          {t('cycles.heading')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('cycles.create')}
          </Button>
        )}
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeCombinedError(error, t)}
          action={<Button onClick={refresh}>{t('app.retry')}</Button>}
        />
      )}
      <CyclesTable
        cycles={cycles}
        loading={fetching && cycles.length === 0}
        canManage={canManage}
        onMoveBack={setMovingBack}
        onChanged={refresh}
      />
      {creating && (
        <CreateCycleModal
          onClose={(created) => {
            setCreating(false);
            if (created) refresh();
          }}
        />
      )}
      {movingBack && (
        <MoveBackModal
          cycle={movingBack}
          onClose={() => {
            setMovingBack(null);
            refresh();
          }}
        />
      )}
    </section>
  );
}
