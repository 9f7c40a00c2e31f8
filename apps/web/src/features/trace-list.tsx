import { List, Space, Tag, Typography } from 'antd';
import { useT } from '../i18n/i18n-context.tsx';
import { ratingInEffect, type TraceLine } from './rating-rules.ts';

/**
 * The engine's reasons in words: what it found (detail) first, then what it changed and under
 * which legal instrument and rule. A list rather than a table so it reads on a phone too.
 */
export function TraceList({ trace }: { trace: readonly TraceLine[] }) {
  const t = useT();
  return (
    <List
      size="small"
      dataSource={[...trace]}
      data-testid="trace"
      rowKey={(line) => `${line.rule}|${line.effect}|${line.detail}`}
      renderItem={(line) => {
        const rating = ratingInEffect(line.effect);
        const effect = rating && line.effect.trim() === rating ? t(`rating.${rating}`) : line.effect;
        return (
          <List.Item>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text>{line.detail}</Typography.Text>
              <Space wrap size={[8, 2]}>
                {effect && (
                  <Tag color="blue" style={{ whiteSpace: 'normal' }}>
                    {t('results.trace.effect')}: {effect}
                  </Tag>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('results.trace.citation')}: {line.citation}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('results.trace.rule')}: <code>{line.rule}</code>
                </Typography.Text>
              </Space>
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
