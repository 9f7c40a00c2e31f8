import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { BallotsTable } from '../features/emulation/ballots-table.tsx';
import { DecideTitlesModal } from '../features/emulation/decide-titles-modal.tsx';
import { EmulationActions } from '../features/emulation/emulation-actions.tsx';
import {
  type BallotRow,
  EmulationQuery,
  ProposableQuery,
  type Proposal,
} from '../features/emulation/emulation-query.ts';
import { ProposalsTable } from '../features/emulation/proposals-table.tsx';
import { ReviewProposalModal } from '../features/emulation/review-proposal-modal.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { formatDate } from '../lib/format.ts';

export function EmulationPage() {
  const t = useT();
  const session = useSession();
  const role = session.data?.user.role;
  const isOfficer = role === 'ADMIN' || role === 'OFFICER';
  const isCouncil = role === 'COUNCIL_MEMBER';
  const { cycles, selected, select } = useCycles();
  const [result, refetch] = useQuery({
    query: EmulationQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected,
  });
  const [proposable] = useQuery({
    query: ProposableQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected,
  });
  const canPropose = proposable.data?.results.edges.some((edge) => edge.node.viewerCanProposeTitle) ?? false;
  const [chosen, setChosen] = useState<string[]>([]);
  const [deciding, setDeciding] = useState(false);
  const [ballotSession, setBallotSession] = useState<string | undefined>();
  const [reviewing, setReviewing] = useState<{ proposal: Proposal; approved: boolean } | null>(null);
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  const proposals = result.data?.titleProposals ?? [];
  const sessions = result.data?.councilSessions ?? [];
  const openSessions = sessions.filter((entry) => entry.status !== 'CLOSED');
  const sessionId = ballotSession ?? openSessions[0]?.id;
  const ballots: BallotRow[] = sessions.flatMap((entry) =>
    entry.ballots.map((ballot) => ({ ...ballot, session: entry })),
  );
  const decidable = proposals.filter((proposal) => chosen.includes(proposal.id));

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 30 }}>
        {t('emulation.heading')}
      </Typography.Title>
      <Space wrap size="large" align="end" style={{ marginBottom: 16 }}>
        <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
        {selected && (
          <EmulationActions
            cycleId={selected.id}
            canPropose={canPropose}
            canSchedule={isOfficer}
            onChanged={refresh}
          />
        )}
        {isOfficer && openSessions.length > 0 && (
          <Select
            aria-label={t('emulation.session')}
            style={{ width: 280 }}
            value={sessionId}
            onChange={setBallotSession}
            options={openSessions.map((entry) => ({
              value: entry.id,
              label: `${entry.council.name} · ${entry.number} · ${formatDate(entry.heldOn)}`,
            }))}
          />
        )}
      </Space>
      {result.error && (
        <Typography.Paragraph type="danger" role="alert">
          {describeCombinedError(result.error, t)}
        </Typography.Paragraph>
      )}

      <Typography.Title level={4}>{t('emulation.ballots')}</Typography.Title>
      <BallotsTable
        ballots={ballots}
        loading={result.fetching}
        isCouncil={isCouncil}
        isOfficer={isOfficer}
        onChanged={refresh}
      />

      <Space style={{ margin: '24px 0 8px', justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('emulation.proposals')}
        </Typography.Title>
        {isOfficer && (
          <Button type="primary" disabled={decidable.length === 0} onClick={() => setDeciding(true)}>
            {t('emulation.decide')}
          </Button>
        )}
      </Space>
      <ProposalsTable
        proposals={proposals}
        loading={result.fetching}
        selected={selected}
        isCouncil={isCouncil}
        isOfficer={isOfficer}
        chosen={chosen}
        onChoose={setChosen}
        openSessions={openSessions}
        sessionId={sessionId}
        onReview={setReviewing}
        onChanged={refresh}
      />
      {reviewing && (
        <ReviewProposalModal
          proposal={reviewing.proposal}
          approved={reviewing.approved}
          onClose={(done) => {
            setReviewing(null);
            if (done) refresh();
          }}
        />
      )}
      {deciding && selected && (
        <DecideTitlesModal
          cycleId={selected.id}
          proposals={decidable}
          onClose={(done) => {
            setDeciding(false);
            if (done) {
              setChosen([]);
              refresh();
            }
          }}
        />
      )}
    </div>
  );
}
