import { Card, Space, Statistic, Typography } from 'antd';
import { useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { FlagCountsQuery } from '../results/rating-counts.ts';

/** The cycle's flags (streamlining, dismissal review, rotation, weak performance), in all and by kind. */
export function FlagCountsCard({ cycle }: { cycle: CycleRow | null }) {
  const t = useT();
  const selected = cycle;
  const [flags] = useQuery({
    query: FlagCountsQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected?.latestRun,
  });
  const flagData = flags.data;
  const flagTotal = flagData
    ? flagData.streamlining.totalCount +
      flagData.dismissal.totalCount +
      flagData.rotation.totalCount +
      flagData.weak.totalCount
    : null;
  return (
    <Card data-testid="flag-counts">
      <Statistic title={t('dashboard.flags')} value={flagTotal === null ? '–' : formatInteger(flagTotal)} />
      {flagData && (
        <Space wrap size="large" style={{ marginTop: 8 }}>
          <Typography.Text>
            {t('flag.STREAMLINING')}: <strong>{formatInteger(flagData.streamlining.totalCount)}</strong>
          </Typography.Text>
          <Typography.Text>
            {t('flag.DISMISSAL_REVIEW')}: <strong>{formatInteger(flagData.dismissal.totalCount)}</strong>
          </Typography.Text>
          <Typography.Text>
            {t('flag.ROTATION')}: <strong>{formatInteger(flagData.rotation.totalCount)}</strong>
          </Typography.Text>
          <Typography.Text>
            {t('flag.WEAK_PERFORMANCE')}: <strong>{formatInteger(flagData.weak.totalCount)}</strong>
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
