import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import {
  type AppealRow,
  type AppealStatus,
  AppealsQuery,
  MyAppealsQuery,
  statuses,
} from '../features/appeals/appeals-query.ts';
import { AppealsTable } from '../features/appeals/appeals-table.tsx';
import { DecideAppealModal } from '../features/appeals/decide-appeal-modal.tsx';
import { FileAppealForm } from '../features/appeals/file-appeal-form.tsx';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';

export function AppealsPage() {
  const t = useT();
  const session = useSession();
  const role = session.data?.user.role;
  const isOfficer = role === 'ADMIN' || role === 'OFFICER';
  const isStaff = role === 'STAFF';
  const { cycles, selected, select } = useCycles();
  const [status, setStatus] = useState<AppealStatus | undefined>();
  const [deciding, setDeciding] = useState<AppealRow | null>(null);
  const [all, refetchAll] = useQuery({
    query: AppealsQuery,
    variables: { cycleId: selected?.id ?? '', first: 200, filter: status ? { status } : null },
    pause: !selected || isStaff,
  });
  const [mine, refetchMine] = useQuery({
    query: MyAppealsQuery,
    variables: { cycleId: selected?.id ?? null },
    pause: !selected || !isStaff,
  });
  const refresh = () => {
    refetchAll({ requestPolicy: 'network-only' });
    refetchMine({ requestPolicy: 'network-only' });
  };

  const rows: AppealRow[] = isStaff
    ? (mine.data?.myAppeals ?? [])
    : (all.data?.appeals.edges.map((edge) => edge.node) ?? []);
  const error = all.error ?? mine.error;
  const open = rows.some((row) => row.status === 'SUBMITTED' || row.status === 'UNDER_REVIEW');

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 30 }}>
        {t('appeals.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('appeals.intro', { days: selected?.appealDays ?? '–' })}
      </Typography.Paragraph>
      <Space wrap size="large" align="end" style={{ marginBottom: 16 }}>
        <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
        {!isStaff && (
          <Select<AppealStatus>
            aria-label={t('appeals.status')}
            placeholder={t('appeals.allStatuses')}
            allowClear
            style={{ width: 220 }}
            value={status}
            onChange={setStatus}
            options={statuses.map((value) => ({ value, label: t(`appealStatus.${value}`) }))}
          />
        )}
      </Space>
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {describeCombinedError(error, t)}
        </Typography.Paragraph>
      )}
      <AppealsTable
        rows={rows}
        loading={all.fetching || mine.fetching}
        isOfficer={isOfficer}
        isStaff={isStaff}
        onDecide={setDeciding}
        onChanged={refresh}
      />
      {isStaff && selected && !open && (
        <div style={{ marginTop: 24 }}>
          <Typography.Title level={4}>{t('appeals.file')}</Typography.Title>
          {selected.status === 'PUBLISHED' ? (
            <FileAppealForm cycleId={selected.id} onFiled={refresh} />
          ) : (
            <Typography.Paragraph type="secondary">{t('appeals.notPublished')}</Typography.Paragraph>
          )}
        </div>
      )}
      {deciding && (
        <DecideAppealModal
          appeal={deciding}
          onClose={() => {
            setDeciding(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}
