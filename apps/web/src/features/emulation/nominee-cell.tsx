import { Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { unitWithParent } from '../units/unit-name.ts';

type Unit = { name: string; parent?: { name: string } | null };

/** The nominee as a council member reads them: name, then code and unit underneath. */
export function NomineeCell(props: {
  person?: { fullName: string; code: string; unit: Unit } | null;
  unit?: Unit | null;
}) {
  const t = useT();
  if (props.person) {
    return (
      <div>
        <div>{props.person.fullName}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('emulation.staffCode')} {props.person.code} · {unitWithParent(props.person.unit)}
        </Typography.Text>
      </div>
    );
  }
  return <span>{unitWithParent(props.unit)}</span>;
}
