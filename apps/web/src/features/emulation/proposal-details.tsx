import { Descriptions, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatNumber } from '../../lib/format.ts';
import { unitWithParent } from '../units/unit-name.ts';

// What a council member weighs before voting on a proposal, read-only: the nominee's unit (with its
// parent), staff code, the reason, the engine's standing for the title this year, the earlier
// years' ratings and the share of members the ballot needs. Nothing about anyone's vote.

const RatingHistoryQuery = graphql(`
  query ProposalRatingHistory($personId: ID!) {
    ratingHistory(personId: $personId) {
      year
      rating
      titles
      unitName
    }
  }
`);

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

const ratings = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'NOT_RATED'] as const;
type HistoryRating = (typeof ratings)[number];

/** The nominee as a council member reads them: name, then code and unit underneath. */
export function NomineeCell(props: {
  person?: { fullName: string; code: string; unit: Unit } | null;
  unit?: Unit | null;
}) {
  const t = useT();
  if (props.person) {
    return (
      <div>
        <div>{props.person.fullName}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('emulation.staffCode')} {props.person.code} · {unitWithParent(props.person.unit)}
        </Typography.Text>
      </div>
    );
  }
  return <span>{unitWithParent(props.unit)}</span>;
}

export function standingColor(status: 'GRANTED' | 'ELIGIBLE' | 'NOT_ELIGIBLE'): string {
  return status === 'NOT_ELIGIBLE' ? 'red' : status === 'GRANTED' ? 'green' : 'blue';
}

function RatingHistory(props: { personId: string }) {
  const t = useT();
  const [history] = useQuery({ query: RatingHistoryQuery, variables: { personId: props.personId } });
  const rows = history.data?.ratingHistory ?? [];
  if (history.fetching && !history.data) return <Typography.Text type="secondary">…</Typography.Text>;
  if (rows.length === 0)
    return <Typography.Text type="secondary">{t('emulation.historyEmpty')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="rating-history">
      {rows.map((row) => (
        <li key={row.year}>
          {row.year}:{' '}
          {(ratings as readonly string[]).includes(row.rating)
            ? t(`rating.${row.rating as HistoryRating}`)
            : row.rating}
          {row.titles.length > 0 && ` · ${row.titles.join(', ')}`}
          {row.unitName && (
            <Typography.Text type="secondary">
              {' '}
              ({t('emulation.historyUnit', { unit: row.unitName })})
            </Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}

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
