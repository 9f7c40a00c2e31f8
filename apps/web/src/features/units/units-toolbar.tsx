import { Input, Space, Switch, Typography } from 'antd';
import { useId } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';

/** The search (without diacritics), the closed units' switch and how many units are shown. */
export function UnitsToolbar(props: {
  search: string;
  onSearchChange: (value: string) => void;
  showClosed: boolean;
  onShowClosedChange: (checked: boolean) => void;
  count: string;
}) {
  const t = useT();
  const { search, showClosed } = props;
  const setSearch = props.onSearchChange;
  const searchId = useId();
  const closedId = useId();
  return (
    <Space wrap align="end" size={16} style={{ marginBottom: 12 }}>
      <div>
        <label htmlFor={searchId} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
          {t('units.searchLabel')}
        </label>
        <Input
          id={searchId}
          type="search"
          allowClear
          style={{ width: 340 }}
          placeholder={t('units.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <Space align="center" style={{ paddingBottom: 5 }}>
        <Switch
          id={closedId}
          aria-labelledby={`${closedId}-label`}
          checked={showClosed}
          onChange={props.onShowClosedChange}
        />
        <label htmlFor={closedId} id={`${closedId}-label`}>
          {t('units.showClosed')}
        </label>
      </Space>
      <Typography.Text type="secondary" role="status" style={{ paddingBottom: 5, display: 'inline-block' }}>
        {props.count}
      </Typography.Text>
    </Space>
  );
}
