import {
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { NomineeCell, ProposalDetails, standingColor } from '../features/emulation/proposal-details.tsx';
import { graphql, type ResultOf } from '../graphql/graphql.ts';
import { MutationError } from '../graphql/mutation-error.ts';
import { useI18n, useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult, type ErrorResult } from '../lib/error-message.ts';
import { useFocusReturn } from '../lib/focus-return.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { EmulationActions } from './emulation-forms.tsx';

const EmulationQuery = graphql(`
  query Emulation($cycleId: ID!) {
    titleProposals(cycleId: $cycleId) {
      id
      title
      status
      eligible
      hasCriteria
      version
      createdAt
      reason
      needsBallot
      ballotThresholdPercent
      nomineeStanding {
        status
        reasons
        citation
      }
      person {
        id
        fullName
        code
        unit {
          id
          name
          parent {
            id
            name
          }
        }
      }
      unit {
        id
        name
        parent {
          id
          name
        }
      }
      eligibility {
        rule
        citation
        effect
        detail
      }
    }
    councilSessions(cycleId: $cycleId) {
      id
      number
      heldOn
      quorum
      status
      council {
        id
        name
      }
      ballots {
        id
        status
        result
        members
        hasVoted
        turnout
        myRecusal
        forCount
        againstCount
        abstainCount
        forPercent
        thresholdPercent
        version
        proposal {
          id
          title
          reason
          needsBallot
          hasCriteria
          ballotThresholdPercent
          nomineeStanding {
            status
            reasons
            citation
          }
          person {
            id
            fullName
            code
            unit {
              id
              name
              parent {
                id
                name
              }
            }
          }
          unit {
            id
            name
            parent {
              id
              name
            }
          }
          eligibility {
            rule
            citation
            effect
            detail
          }
        }
        recusals {
          reason
          member {
            id
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

// Whether the viewer may propose a title is the API's answer for each result (role, scope, the
// cycle's step, not their own): the action shows when it says so for someone in the cycle.
const ProposableQuery = graphql(`
  query EmulationProposable($cycleId: ID!) {
    results(cycleId: $cycleId, first: 5) {
      edges {
        node {
          id
          viewerCanProposeTitle
        }
      }
    }
  }
`);

const OpenBallotMutation = graphql(
  `
  mutation OpenBallot($proposalId: ID!, $sessionId: ID!) {
    openBallot(proposalId: $proposalId, sessionId: $sessionId) {
      __typename
      ... on OpenBallotSuccess {
        data {
          id
          status
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const CastVoteMutation = graphql(
  `
  mutation CastVote($ballotId: ID!, $choice: VoteChoice!) {
    castVote(ballotId: $ballotId, choice: $choice) {
      __typename
      ... on CastVoteSuccess {
        data {
          id
          hasVoted
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const CloseBallotMutation = graphql(
  `
  mutation CloseBallot($ballotId: ID!, $version: Int!) {
    closeBallot(ballotId: $ballotId, version: $version) {
      __typename
      ... on CloseBallotSuccess {
        data {
          id
          status
          result
          forCount
          againstCount
          abstainCount
          forPercent
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const ReviewProposalMutation = graphql(
  `
  mutation ReviewTitleProposal($id: ID!, $approved: Boolean!, $reason: String, $version: Int!) {
    reviewTitleProposal(id: $id, approved: $approved, reason: $reason, version: $version) {
      __typename
      ... on ReviewTitleProposalSuccess {
        data {
          id
          status
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const DecideTitlesMutation = graphql(
  `
  mutation DecideTitles($cycleId: ID!, $decidedOn: Date!, $number: String!, $proposalIds: [ID!]!, $signedBy: String!) {
    decideTitles(cycleId: $cycleId, decidedOn: $decidedOn, number: $number, proposalIds: $proposalIds, signedBy: $signedBy) {
      __typename
      ... on DecideTitlesSuccess {
        data {
          id
          number
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

type Data = ResultOf<typeof EmulationQuery>;
type Proposal = Data['titleProposals'][number];
type Session = Data['councilSessions'][number];
type BallotRow = Session['ballots'][number] & { session: Session };

const proposalColors: Record<Proposal['status'], string> = {
  PROPOSED: 'gold',
  IN_BALLOT: 'blue',
  APPROVED: 'green',
  DECIDED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'default',
  REVOKED: 'default',
};

function nominee(entry: { person?: { fullName: string } | null; unit?: { name: string } | null }): string {
  return entry.person?.fullName ?? entry.unit?.name ?? '–';
}

function useReport() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  return (
    result: {
      data?: Record<string, { __typename: string } | undefined> | null;
      error?: Parameters<typeof describeCombinedError>[0];
    },
    done: string,
  ) => {
    if (result.error) {
      void message.error(describeCombinedError(result.error, t));
      return false;
    }
    // the one field of the mutation's answer (the cache may add the root's __typename beside it)
    const payload = Object.values(result.data ?? {}).find(
      (value): value is { __typename: string } =>
        typeof value === 'object' && value !== null && '__typename' in value,
    );
    if (payload?.__typename.endsWith('Success')) {
      void message.success(done);
      return true;
    }
    if (payload) {
      const error = payload as ErrorResult;
      // a refusal that names its reason (a recusal, a closed ballot) is shown in the API's words
      const reason =
        error.__typename === 'ForbiddenError' || error.__typename === 'ConflictError'
          ? serverWords(error.message, locale)
          : null;
      void message.error(reason ?? describeErrorResult(error, t));
    }
    return false;
  };
}

function DecideModal(props: { cycleId: string; proposals: Proposal[]; onClose: (done: boolean) => void }) {
  const t = useT();
  const report = useReport();
  const [state, decide] = useMutation(DecideTitlesMutation);
  const [form] = Form.useForm<{ number: string; signedBy: string; decidedOn: Dayjs }>();
  useFocusReturn();
  return (
    <Modal
      open
      title={t('emulation.decideTitle', { count: props.proposals.length })}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
    >
      <ul>
        {props.proposals.map((proposal) => (
          <li key={proposal.id}>
            {nominee(proposal)} — {t(`titleKind.${proposal.title}`)}
          </li>
        ))}
      </ul>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          const result = await decide({
            cycleId: props.cycleId,
            proposalIds: props.proposals.map((proposal) => proposal.id),
            number: values.number,
            signedBy: values.signedBy,
            decidedOn: values.decidedOn.format('YYYY-MM-DD'),
          });
          if (report(result, t('emulation.decided'))) props.onClose(true);
        }}
      >
        <Form.Item name="number" label={t('emulation.decisionNumber')} rules={[{ required: true }]}>
          <Input placeholder="123/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="signedBy" label={t('emulation.signedBy')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('emulation.decidedOn')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The server's words (Vietnamese first): a refusal that names its reason, e.g. a recusal. */
function serverWords(message: string | undefined, locale: string): string | null {
  if (!message) return null;
  const [vi, en] = message.split(' / ');
  return (locale === 'en' ? en : vi) ?? vi ?? null;
}

/** A member's vote (once: the buttons lock while a confirmation is open or a vote is on its way) or the officer's close. */
function BallotActions(props: {
  row: BallotRow;
  isCouncil: boolean;
  isOfficer: boolean;
  onDone: () => void;
}) {
  const { row } = props;
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const [, castVote] = useMutation(CastVoteMutation);
  const [, closeBallot] = useMutation(CloseBallotMutation);
  const [busy, setBusy] = useState(false);
  const [voted, setVoted] = useState(false);
  const report = useReport();
  const name = nominee(row.proposal);
  if (props.isCouncil && (row.hasVoted > 0 || voted)) {
    return (
      <Tag color="green" data-testid="ballot-voted">
        {t('emulation.youVoted')}
      </Tag>
    );
  }
  if (props.isCouncil && row.myRecusal) {
    return (
      <Tag data-testid="ballot-recused">
        {t('emulation.recused', { reason: serverWords(row.myRecusal, locale) ?? '' })}
      </Tag>
    );
  }
  return (
    <Space wrap>
      {props.isCouncil &&
        (['FOR', 'AGAINST', 'ABSTAIN'] as const).map((choice) => (
          <Button
            key={choice}
            size="small"
            type={choice === 'FOR' ? 'primary' : 'default'}
            disabled={busy}
            onClick={() => {
              if (busy) return;
              setBusy(true);
              modal.confirm({
                title: t('emulation.voteConfirm', { choice: t(`vote.${choice}`), name }),
                okText: t('app.confirm'),
                cancelText: t('app.cancel'),
                onCancel: () => setBusy(false),
                onOk: async () => {
                  const outcome = await castVote({ ballotId: row.id, choice });
                  const answer = outcome.data?.castVote;
                  if (answer?.__typename === 'CastVoteSuccess') {
                    setVoted(true);
                    void message.success(t('emulation.voted'));
                    props.onDone();
                  } else if (
                    answer &&
                    'message' in answer &&
                    (answer.__typename === 'ForbiddenError' || answer.__typename === 'ConflictError')
                  ) {
                    // the API says why: recused ("Là người được đề nghị"), already voted, ballot closed
                    void message.error(serverWords(answer.message as string, locale) ?? t('error.FORBIDDEN'));
                    if (answer.__typename === 'ConflictError') props.onDone();
                  } else report(outcome, t('emulation.voted'));
                  setBusy(false);
                },
              });
            }}
          >
            {t(`vote.${choice}`)}
          </Button>
        ))}
      {props.isOfficer && (
        <Button
          size="small"
          disabled={busy}
          onClick={() => {
            if (busy) return;
            setBusy(true);
            modal.confirm({
              title: t('emulation.closeConfirm', { name, voted: row.turnout, members: row.members }),
              okText: t('emulation.closeBallot'),
              cancelText: t('app.cancel'),
              onCancel: () => setBusy(false),
              onOk: async () => {
                const outcome = await closeBallot({ ballotId: row.id, version: row.version });
                if (report(outcome, t('emulation.closed'))) props.onDone();
                setBusy(false);
              },
            });
          }}
        >
          {t('emulation.closeBallot')}
        </Button>
      )}
    </Space>
  );
}

/** Approving needs the grounds (the API refuses without them); rejecting may give a reason. */
function ReviewProposalModal(props: {
  proposal: Proposal;
  approved: boolean;
  onClose: (done: boolean) => void;
}) {
  const t = useT();
  const report = useReport();
  const [state, review] = useMutation(ReviewProposalMutation);
  const [form] = Form.useForm<{ reason: string }>();
  useFocusReturn();
  const { proposal, approved } = props;
  return (
    <Modal
      open
      title={t(approved ? 'emulation.approveTitle' : 'emulation.rejectTitle', {
        name: nominee(proposal),
        title: t(`titleKind.${proposal.title}`),
      })}
      okText={approved ? t('emulation.approve') : t('emulation.reject')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      okButtonProps={{ disabled: state.fetching, danger: !approved }}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          if (state.fetching) return;
          const outcome = await review({
            id: proposal.id,
            approved,
            reason: values.reason?.trim() || null,
            version: proposal.version,
          });
          if (report(outcome, t('emulation.reviewed'))) props.onClose(true);
        }}
      >
        <Form.Item
          name="reason"
          label={t(approved ? 'emulation.grounds' : 'emulation.rejectGrounds')}
          rules={
            approved
              ? [{ required: true, min: 5, whitespace: true, message: t('emulation.groundsRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EmulationPage() {
  const t = useT();
  const session = useSession();
  const role = session.data?.user.role;
  const isOfficer = role === 'ADMIN' || role === 'OFFICER';
  const isCouncil = role === 'COUNCIL_MEMBER';
  const report = useReport();
  const { modal } = App.useApp();
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
  const [, openBallot] = useMutation(OpenBallotMutation);
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
      <Table<BallotRow>
        rowKey="id"
        size="middle"
        loading={result.fetching}
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
      <Table<Proposal>
        rowKey="id"
        size="middle"
        loading={result.fetching}
        dataSource={proposals}
        pagination={false}
        rowSelection={
          isOfficer
            ? {
                selectedRowKeys: chosen,
                onChange: (keys) => setChosen(keys.map(String)),
                getCheckboxProps: (row) => ({ disabled: row.status !== 'APPROVED' }),
              }
            : undefined
        }
        expandable={{ expandedRowRender: (row) => <ProposalDetails proposal={row} /> }}
        locale={{
          emptyText: (
            <Empty
              description={t(
                isCouncil &&
                  selected &&
                  !['REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED'].includes(selected.status)
                  ? 'emulation.noProposalsCouncil'
                  : 'emulation.noProposals',
              )}
            />
          ),
        }}
        columns={[
          {
            title: t('emulation.nominee'),
            render: (_, row) => <NomineeCell person={row.person} unit={row.unit} />,
          },
          { title: t('emulation.title'), render: (_, row) => t(`titleKind.${row.title}`) },
          {
            title: t('emulation.eligible'),
            render: (_, row) =>
              // a title the engine has no rule for: nothing to be eligible for, it stands on its reason
              !row.hasCriteria ? (
                <Tag>{t('emulation.noCriteria')}</Tag>
              ) : row.nomineeStanding ? (
                <Tag color={standingColor(row.nomineeStanding.status)}>
                  {t(`emulation.standing.${row.nomineeStanding.status}`)}
                </Tag>
              ) : (
                <Tag color={row.eligible ? 'green' : 'red'}>{row.eligible ? t('app.yes') : t('app.no')}</Tag>
              ),
          },
          {
            title: t('emulation.threshold'),
            render: (_, row) =>
              row.needsBallot && row.ballotThresholdPercent !== null
                ? `≥ ${formatNumber(row.ballotThresholdPercent, 'vi', 1)}%`
                : t('emulation.noBallotNeeded'),
          },
          { title: t('emulation.reason'), dataIndex: 'reason' },
          {
            title: t('emulation.status'),
            render: (_, row) => (
              <Tag color={proposalColors[row.status]}>{t(`proposalStatus.${row.status}`)}</Tag>
            ),
          },
          ...(isOfficer
            ? [
                {
                  title: t('app.actions'),
                  render: (_: unknown, row: Proposal) =>
                    row.status === 'PROPOSED' ? (
                      <Space wrap>
                        {sessionId && (
                          <Button
                            size="small"
                            onClick={() => {
                              const session = openSessions.find((entry) => entry.id === sessionId);
                              // a ballot once opened cannot be taken back: say whose and at which session
                              modal.confirm({
                                title: t('emulation.openBallotConfirm', {
                                  name: nominee(row),
                                  title: t(`titleKind.${row.title}`),
                                  session: session
                                    ? `${session.council.name} · ${session.number} · ${formatDate(session.heldOn)}`
                                    : '',
                                }),
                                okText: t('emulation.openBallot'),
                                cancelText: t('app.cancel'),
                                onOk: async () => {
                                  const outcome = await openBallot({ proposalId: row.id, sessionId });
                                  if (report(outcome, t('emulation.ballotOpened'))) refresh();
                                },
                              });
                            }}
                          >
                            {t('emulation.openBallot')}
                          </Button>
                        )}
                        <Button size="small" onClick={() => setReviewing({ proposal: row, approved: true })}>
                          {t('emulation.approve')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => setReviewing({ proposal: row, approved: false })}
                        >
                          {t('emulation.reject')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
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
        <DecideModal
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
