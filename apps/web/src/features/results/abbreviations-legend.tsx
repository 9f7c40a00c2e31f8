import { Button, Popover, Typography } from 'antd';
import { useId } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';
import { ratingDisplayOrder } from './rating-display.ts';
import { titleLabel, titleShort } from './title-labels.ts';

const titles = ['LDTT', 'CSTDCS', 'CSTD_TINH', 'CSTD_TOAN_QUOC', 'TAP_THE_LDTT', 'TAP_THE_LDXS'] as const;

/** "Chữ viết tắt": what HTXSNV, LĐTT, CSTĐCS… stand for, beside the tables that use them. */
export function AbbreviationsLegend() {
  const t = useT();
  const headingId = useId();
  const rows: [string, string][] = [
    ...ratingDisplayOrder.map((rating): [string, string] => [
      t(`ratingShort.${rating}`),
      t(`rating.${rating}`),
    ]),
    ...titles
      .map((title): [string, string] => [titleShort(title, t), titleLabel(title, t)])
      .filter(([short, full]) => short !== full),
  ];
  const content = (
    <div style={{ maxWidth: 420 }}>
      <Typography.Text strong id={headingId}>
        {t('legend.heading')}
      </Typography.Text>
      <dl
        aria-labelledby={headingId}
        style={{ margin: '8px 0 0', display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px' }}
      >
        {rows.map(([short, full]) => (
          <div key={short} style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>{short}</dt>
            <dd style={{ margin: 0 }}>{full}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button type="link" size="small" data-testid="abbreviations-legend">
        {t('legend.button')}
      </Button>
    </Popover>
  );
}
