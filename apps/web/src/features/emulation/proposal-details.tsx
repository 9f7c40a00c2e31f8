import { Descriptions, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatNumber } from '../../lib/format.ts';
import { NomineeCell } from './nominee-cell.tsx';
import { RatingHistory } from './rating-history.tsx';
import { standingColor } from './standing-color.ts';

// What a council member weighs before voting on a proposal, read-only: the nominee's unit (with its
// parent), staff code, the reason, the engine's standing for the title this year, the earlier
// years' ratings and the share of members the ballot needs. Nothing about anyone's vote.

type Unit = { name: string; parent?: { name: string } | null };

export type ProposalFacts = {
  reason: string;
  needsBallot: boolean;
  /** whether the engine has an eligibility rule for the title (false: Giấy khen, a unit's commendation) */
  hasCriteria?: boolean;
  ballotThresholdPercent?: number | null;
  person?: { id: string; fullName: string; code: string; unit: Unit } | null;
  unit?: Unit | null;
  nomineeStanding?: {
    status: 'GRANTED' | 'ELIGIBLE' | 'NOT_ELIGIBLE';
    reasons: readonly string[];
    citation: string;
  } | null;
  eligibility: readonly { rule: string; citation: string; detail: string }[];
};

export function ProposalDetails(props: { proposal: ProposalFacts; thresholdPercent?: number | null }) {
  const t = useT();
  const { proposal } = props;
  const threshold = props.thresholdPercent ?? proposal.ballotThresholdPercent ?? null;
  const standing = proposal.nomineeStanding;
  return (
    <Descriptions size="small" column={1} bordered data-testid="proposal-details">
      <Descriptions.Item label={t('emulation.nominee')}>
        <NomineeCell person={proposal.person} unit={proposal.unit} />
      </Descriptions.Item>
      <Descriptions.Item label={t('emulation.reason')}>{proposal.reason || '–'}</Descriptions.Item>
      {proposal.person && (
        <Descriptions.Item label={t('emulation.standing')}>
          {proposal.hasCriteria === false ? (
            <Tag>{t('emulation.noCriteria')}</Tag>
          ) : standing ? (
            <span>
              <Tag color={standingColor(standing.status)}>{t(`emulation.standing.${standing.status}`)}</Tag>
              {standing.reasons.join('; ')}{' '}
              {standing.citation && <Typography.Text type="secondary">({standing.citation})</Typography.Text>}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('emulation.standingNone')}</Typography.Text>
          )}
        </Descriptions.Item>
      )}
      {proposal.person && (
        <Descriptions.Item label={t('emulation.history')}>
          <RatingHistory personId={proposal.person.id} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('emulation.threshold')}>
        {proposal.needsBallot && threshold !== null
          ? t('emulation.thresholdValue', { percent: formatNumber(threshold, 'vi', 1) })
          : t('emulation.noBallotNeeded')}
      </Descriptions.Item>
      {proposal.eligibility.length > 0 && (
        <Descriptions.Item label={t('emulation.engineTrace')}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {proposal.eligibility.map((entry) => (
              <li key={`${entry.rule}-${entry.detail}`}>
                {entry.detail} <Typography.Text type="secondary">({entry.citation})</Typography.Text>
              </li>
            ))}
          </ul>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
