import { Empty, Table, Tag } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { BallotActions } from './ballot-actions.tsx';
import type { BallotRow } from './emulation-query.ts';
import { NomineeCell } from './nominee-cell.tsx';
import { ProposalDetails } from './proposal-details.tsx';

/** The ballots of the cycle's council sessions: the turnout while open, the tally once closed. */
export function BallotsTable(props: {
  ballots: BallotRow[];
  loading: boolean;
  isCouncil: boolean;
  isOfficer: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const { ballots, isCouncil, isOfficer } = props;
  const refresh = props.onChanged;
  return (
    <Table<BallotRow>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={ballots}
      pagination={false}
      locale={{ emptyText: <Empty description={t('emulation.noBallots')} /> }}
      expandable={{
        expandedRowRender: (row) => (
          <ProposalDetails proposal={row.proposal} thresholdPercent={row.thresholdPercent} />
        ),
      }}
      columns={[
        {
          title: t('emulation.nominee'),
          render: (_, row) => <NomineeCell person={row.proposal.person} unit={row.proposal.unit} />,
        },
        { title: t('emulation.title'), render: (_, row) => t(`titleKind.${row.proposal.title}`) },
        {
          title: t('emulation.session'),
          render: (_, row) => `${row.session.number} · ${formatDate(row.session.heldOn)}`,
        },
        {
          title: t('emulation.turnout'),
          render: (_, row) =>
            t('emulation.turnoutValue', {
              // once counted, the tally says how many voted
              voted:
                row.status === 'CLOSED'
                  ? (row.forCount ?? 0) + (row.againstCount ?? 0) + (row.abstainCount ?? 0)
                  : row.turnout,
              members: row.members,
            }),
        },
        {
          title: t('emulation.tally'),
          render: (_, row) =>
            row.status === 'CLOSED'
              ? t('emulation.tallyValue', {
                  for: row.forCount ?? 0,
                  against: row.againstCount ?? 0,
                  abstain: row.abstainCount ?? 0,
                  percent: formatNumber(row.forPercent ?? 0, 'vi', 1),
                  threshold: formatNumber(row.thresholdPercent, 'vi', 1),
                })
              : t('emulation.secret'),
        },
        {
          title: t('emulation.ballotStatus'),
          render: (_, row) =>
            row.result ? (
              <Tag color={row.result === 'PASSED' ? 'green' : 'red'}>{t(`ballotResult.${row.result}`)}</Tag>
            ) : (
              <Tag color="blue">{t('emulation.ballotOpen')}</Tag>
            ),
        },
        {
          title: t('app.actions'),
          render: (_, row) =>
            row.status === 'OPEN' ? (
              <BallotActions row={row} isCouncil={isCouncil} isOfficer={isOfficer} onDone={refresh} />
            ) : null,
        },
      ]}
    />
  );
}
