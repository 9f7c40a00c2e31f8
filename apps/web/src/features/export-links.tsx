import { Button, Dropdown } from 'antd';
import { useT } from '../i18n/i18n-context.tsx';

/** Download links for a cycle's documents (plain GET links: the browser sends the session cookie). */
export function ExportLinks({ cycleId, unitId }: { cycleId: string; unitId?: string | undefined }) {
  const t = useT();
  const query = new URLSearchParams({ cycleId });
  if (unitId) query.set('unitId', unitId);
  const links = [
    { key: 'xlsx', href: `/api/export/results.xlsx?${query}`, label: t('cycles.exportWorkbook') },
    { key: 'units', href: `/api/export/unit-ratings.pdf?${query}`, label: t('cycles.exportUnitRatings') },
    {
      key: 'titles',
      href: `/api/export/title-decisions.pdf?${query}`,
      label: t('cycles.exportTitleDecisions'),
    },
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: links.map((link) => ({
          key: link.key,
          label: (
            <a href={link.href} download>
              {link.label}
            </a>
          ),
        })),
      }}
    >
      <Button>{t('cycles.exports')} ▾</Button>
    </Dropdown>
  );
}
