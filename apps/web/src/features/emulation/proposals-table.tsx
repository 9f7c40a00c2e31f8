import { App, Button, Empty, Space, Table, Tag } from 'antd';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { nominee, type Proposal, type Session } from './emulation-query.ts';
import { NomineeCell } from './nominee-cell.tsx';
import { ProposalDetails } from './proposal-details.tsx';
import { standingColor } from './standing-color.ts';
import { useReport } from './use-report.ts';

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

const proposalColors: Record<Proposal['status'], string> = {
  PROPOSED: 'gold',
  IN_BALLOT: 'blue',
  APPROVED: 'green',
  DECIDED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'default',
  REVOKED: 'default',
};

/** The title proposals; an officer picks the approved ones to decide, and opens a ballot or reviews a proposed one. */
export function ProposalsTable(props: {
  proposals: Proposal[];
  loading: boolean;
  selected: CycleRow | null | undefined;
  isCouncil: boolean;
  isOfficer: boolean;
  chosen: string[];
  onChoose: (ids: string[]) => void;
  openSessions: Session[];
  sessionId: string | undefined;
  onReview: (review: { proposal: Proposal; approved: boolean }) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const report = useReport();
  const { modal } = App.useApp();
  const [, openBallot] = useMutation(OpenBallotMutation);
  const { proposals, selected, isCouncil, isOfficer, chosen, openSessions, sessionId } = props;
  const setChosen = props.onChoose;
  const setReviewing = props.onReview;
  const refresh = props.onChanged;
  return (
    <Table<Proposal>
      rowKey="id"
      size="middle"
      loading={props.loading}
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
  );
}
