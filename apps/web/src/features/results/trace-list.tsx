import { List, Space, Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';

export type TraceLine = { rule: string; citation: string; effect: string; detail: string };

/**
 * The engine's reasons in words: what it found (detail), under which legal instrument. The
 * engine's own codes (its rule id and effect) are not shown; they stay on the line's tooltip
 * for whoever has to trace a result back to the engine. A list so it reads on a phone too.
 */
export function TraceList({ trace }: { trace: readonly TraceLine[] }) {
  const t = useT();
  return (
    <List
      size="small"
      dataSource={[...trace]}
      data-testid="trace"
      rowKey={(line) => `${line.rule}|${line.effect}|${line.detail}`}
      renderItem={(line) => (
        <List.Item title={[line.rule, line.effect].filter(Boolean).join(' · ')}>
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Text>{line.detail}</Typography.Text>
            {line.citation && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('results.trace.citation')}: {line.citation}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
