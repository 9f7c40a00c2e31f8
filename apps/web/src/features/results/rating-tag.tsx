import { Tag, Tooltip } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import type { RatingValue } from './rating-display.ts';

const colors: Record<RatingValue, string> = {
  EXCELLENT: 'green',
  GOOD: 'blue',
  COMPLETED: 'gold',
  NOT_COMPLETED: 'red',
  NOT_RATED: 'default',
};

/** A rating as its official short form, the full name on hover (and for screen readers). */
export function RatingTag({ rating }: { rating: RatingValue }) {
  const t = useT();
  return (
    <Tooltip title={t(`rating.${rating}`)}>
      <Tag color={colors[rating]} aria-label={t(`rating.${rating}`)} data-rating={rating}>
        {t(`ratingShort.${rating}`)}
      </Tag>
    </Tooltip>
  );
}
