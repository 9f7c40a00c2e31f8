import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError } from '../../lib/error-message.ts';
import { formatDate, formatInteger } from '../../lib/format.ts';
import { unitWithParent } from './unit-name.ts';
import { isClosed } from './unit-rows.ts';
import { UnitDetailsQuery } from './units-api.ts';

/** "Từ 01/07/2025", "01/07/2025 – 30/06/2026", "Đến 30/06/2025", or a dash. */
export function validityText(
  unit: { validFrom?: string | null; validTo?: string | null },
  t: ReturnType<typeof useT>,
): string {
  if (unit.validFrom && unit.validTo)
    return t('units.validBetween', { from: formatDate(unit.validFrom), to: formatDate(unit.validTo) });
  if (unit.validFrom) return t('units.validFrom', { date: formatDate(unit.validFrom) });
  if (unit.validTo) return t('units.validTo', { date: formatDate(unit.validTo) });
  return t('units.validAlways');
}

function unitList(units: readonly { id: string; name: string; parent?: { name: string } | null }[]) {
  return units.map((unit) => unitWithParent(unit)).join('; ');
}

/** The chosen unit (from the address): everything the tree shows, with where it came from and went. */
export function UnitDetails(props: {
  id: string;
  canEdit: boolean;
  onEdit: () => void;
  onAddChild: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [result, reexecute] = useQuery({
    query: UnitDetailsQuery,
    variables: { id: props.id },
    requestPolicy: 'cache-and-network',
  });
  const unit = result.data?.unit;
  const headingId = `unit-details-${props.id}`;

  if (result.error && !unit)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={describeCombinedError(result.error, t)}
        action={
          <Button onClick={() => reexecute({ requestPolicy: 'network-only' })}>{t('app.retry')}</Button>
        }
        style={{ marginBottom: 12 }}
      />
    );
  if (!unit) {
    if (result.fetching) return <Spin style={{ display: 'block', margin: '12px 0' }} />;
    return <Alert type="warning" showIcon title={t('units.notFound')} style={{ marginBottom: 12 }} />;
  }
  const closed = isClosed(unit);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      role="region"
      aria-labelledby={headingId}
      title={
        <Typography.Title level={2} id={headingId} style={{ fontSize: 17, margin: 0 }}>
          {unitWithParent(unit)}{' '}
          {closed && <Tag style={{ marginInlineStart: 8 }}>{t('units.closedTag')}</Tag>}
        </Typography.Title>
      }
      extra={
        <Space wrap size={4}>
          {props.canEdit && (
            <>
              <Button size="small" onClick={props.onEdit}>
                {t('units.edit')}
              </Button>
              {!closed && (
                <Button size="small" onClick={props.onAddChild}>
                  {t('units.addChild')}
                </Button>
              )}
            </>
          )}
          <Button size="small" onClick={props.onClose}>
            {t('app.close')}
          </Button>
        </Space>
      }
    >
      {closed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            unit.successors.length > 0
              ? t('units.closedOnTo', {
                  date: formatDate(unit.validTo),
                  successors: unitList(unit.successors),
                })
              : t('units.closedOn', { date: formatDate(unit.validTo) })
          }
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('units.col.code')}>{unit.code}</Descriptions.Item>
        <Descriptions.Item label={t('units.col.kind')}>{t(`unitKind.${unit.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('units.field.parent')}>
          {unit.parent ? unitWithParent(unit.parent) : t('units.noParent')}
        </Descriptions.Item>
        <Descriptions.Item label={t('units.col.block')}>
          {unit.block?.name ?? t('units.noBlock')}
        </Descriptions.Item>
        <Descriptions.Item label={t('units.col.heads')}>
          {unit.heads.length > 0
            ? unit.heads.map((head) => (
                <div key={head.id}>
                  {head.fullName}{' '}
                  <Typography.Text type="secondary">
                    · {head.code}
                    {head.positionTitle ? ` · ${head.positionTitle}` : ''}
                  </Typography.Text>
                </div>
              ))
            : t('units.noHead')}
        </Descriptions.Item>
        <Descriptions.Item label={t('units.col.people')}>{formatInteger(unit.peopleCount)}</Descriptions.Item>
        <Descriptions.Item label={t('units.col.validity')}>{validityText(unit, t)}</Descriptions.Item>
        <Descriptions.Item label={t('units.field.active')}>
          {unit.active ? t('units.isActive') : t('units.isInactive')}
        </Descriptions.Item>
        <Descriptions.Item label={t('units.predecessors')} span={2}>
          {unit.predecessors.length > 0 ? unitList(unit.predecessors) : t('app.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('units.successors')} span={2}>
          {unit.successors.length > 0 ? unitList(unit.successors) : t('app.none')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
