import { Typography } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { useT } from '../../i18n/i18n-context.tsx';

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

const ratings = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'NOT_RATED'] as const;
type HistoryRating = (typeof ratings)[number];

/** The nominee's ratings of the earlier years, as the council weighs them. */
export function RatingHistory(props: { personId: string }) {
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
