import { App, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { serverWords } from '../../lib/server-text.ts';
import { type BallotRow, nominee } from './emulation-query.ts';
import { useReport } from './use-report.ts';

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

/** A member's vote (once: the buttons lock while a confirmation is open or a vote is on its way) or the officer's close. */
export function BallotActions(props: {
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
        {t('emulation.recused', { reason: serverWords(row.myRecusal, locale) })}
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
                    void message.error(serverWords(answer.message as string, locale) || t('error.FORBIDDEN'));
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
