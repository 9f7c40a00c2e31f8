import { Tag, Tooltip, Typography } from 'antd';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { formatDate } from '../../lib/format.ts';
import { type CycleRow, daysUntil } from './use-cycles.ts';

/** The current step's deadline with the days left (orange within a week, red once overdue). */
export function DeadlineTag({ cycle, t }: { cycle: CycleRow; t: Translate }) {
  const deadline = cycle.deadlines.find((item) => item.stage === cycle.status);
  if (!deadline) return <Typography.Text type="secondary">{t('cycles.noDeadline')}</Typography.Text>;
  const days = daysUntil(deadline.dueOn);
  const text =
    days < 0
      ? t('cycles.overdue', { days: -days })
      : days === 0
        ? t('cycles.dueToday')
        : t('cycles.dueIn', { days });
  return (
    <Tooltip
      title={`${t('cycles.deadline')}: ${formatDate(deadline.dueOn)} · ${t(`role.${deadline.ownerRole}`)}`}
    >
      <Tag color={days < 0 ? 'red' : days <= 7 ? 'orange' : 'green'}>
        {formatDate(deadline.dueOn)} · {text}
      </Tag>
    </Tooltip>
  );
}
