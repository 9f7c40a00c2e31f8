import { Space, Steps, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatDate } from '../../lib/format.ts';
import { DeadlineTag } from './deadline-tag.tsx';
import { type CycleRow, cycleStatuses } from './use-cycles.ts';

/** A cycle's steps with the deadline of each, and the current step's days left. */
export function CycleProgress({ cycle }: { cycle: CycleRow }) {
  const t = useT();
  const current = cycleStatuses.indexOf(cycle.status);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{cycle.name}</Typography.Text>
        <DeadlineTag cycle={cycle} t={t} />
      </Space>
      <Steps
        size="small"
        current={current}
        responsive
        items={cycleStatuses.map((status) => {
          const deadline = cycle.deadlines.find((item) => item.stage === status);
          return {
            title: t(`cycleStatus.${status}`),
            description: deadline ? formatDate(deadline.dueOn) : undefined,
          };
        })}
      />
    </Space>
  );
}
