import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describeCombinedError } from '../../lib/error-message.ts';
import { formatDate, formatInteger } from '../../lib/format.ts';
import { SendRemindersButton } from '../reminders/send-reminders-button.tsx';
import { type ChecklistItem, ChecklistQuery } from './calibration-queries.ts';

function isOverdue(dueOn: string | null): boolean {
  if (!dueOn) return false;
  // a deadline is met through the end of its day in Vietnam (UTC+7)
  return Date.now() > Date.parse(`${dueOn}T23:59:59+07:00`);
}

function ItemRow({ item, cycleId }: { item: ChecklistItem; cycleId: string }) {
  const { t, locale } = useI18n();
  const overdue = isOverdue(item.dueOn);
  const units = item.byUnit
    .slice(0, 3)
    .map((row) => `${row.unit.name}: ${formatInteger(row.count)}`)
    .join(' · ');
  return (
    <List.Item data-testid={`checklist-${item.kind}`}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={item.blocks ? 'red' : 'default'} style={{ fontWeight: 600 }}>
            {formatInteger(item.count)}
          </Tag>
          <Typography.Text strong>{locale === 'en' ? item.labelEn : item.label}</Typography.Text>
          {item.blocks && (
            <Tag color="red">
              {t(
                item.blocks === 'ARCHIVED'
                  ? 'checklist.blocksArchive'
                  : item.blocks === 'REVIEW'
                    ? 'checklist.blocksReview'
                    : 'checklist.blocksApproval',
              )}
            </Tag>
          )}
        </Space>
        <Typography.Text>
          {t('checklist.owner', { role: t(`role.${item.ownerRole}`) })}
          {item.dueOn && (
            <>
              {' · '}
              {t('checklist.due', { date: formatDate(item.dueOn) })}{' '}
              {overdue && <Tag color="volcano">{t('checklist.overdue')}</Tag>}
            </>
          )}
        </Typography.Text>
        {units && <Typography.Text>{t('checklist.byUnit', { units })}</Typography.Text>}
        {item.viewerCanRemind && <SendRemindersButton cycleId={cycleId} count={item.count} />}
      </Space>
    </List.Item>
  );
}

/** What is due in the cycle for the signed-in role: by whom, by when, and what blocks the next step. */
export function ChecklistCard({ cycleId }: { cycleId: string | null | undefined }) {
  const { t } = useI18n();
  const [result] = useQuery({
    query: ChecklistQuery,
    variables: { cycleId: cycleId ?? '' },
    pause: !cycleId,
  });
  const items = result.data?.checklist?.items ?? [];
  return (
    <Card title={t('checklist.title')} loading={result.fetching && !result.data} data-testid="checklist">
      {result.error && (
        <Alert type="error" showIcon role="alert" title={describeCombinedError(result.error, t)} />
      )}
      {!result.error && result.data && items.length === 0 && <Empty description={t('checklist.empty')} />}
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          rowKey={(item) => item.kind}
          renderItem={(item) => <ItemRow item={item} cycleId={cycleId ?? ''} />}
        />
      )}
    </Card>
  );
}
