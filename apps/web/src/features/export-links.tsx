import { Button, Dropdown } from 'antd';
import { useI18n } from '../i18n/i18n-context.tsx';

// The official documents of a cycle (Nghị định 30/2020 layout), served by /api/documents, beside
// the older exports: their labels live here, in both languages, with the links.
const documentLabels = {
  vi: {
    forms: 'Phiếu đánh giá của đơn vị (PDF)',
    ratingDecision: 'Quyết định công nhận kết quả xếp loại (PDF)',
    titleDecision: 'Dự thảo quyết định danh hiệu thi đua (PDF)',
    report: 'Báo cáo tổng hợp (PDF)',
    reportXlsx: 'Báo cáo tổng hợp (Excel)',
    nationalJson: 'Tệp gửi CSDL quốc gia (JSON)',
    nationalXml: 'Tệp gửi CSDL quốc gia (XML)',
  },
  en: {
    forms: 'Rating forms of the unit (PDF)',
    ratingDecision: 'Decision recognising the ratings (PDF)',
    titleDecision: 'Draft decision on emulation titles (PDF)',
    report: 'Summary report (PDF)',
    reportXlsx: 'Summary report (Excel)',
    nationalJson: 'File for the national database (JSON)',
    nationalXml: 'File for the national database (XML)',
  },
} as const;

/** Download links for a cycle's documents (plain GET links: the browser sends the session cookie). */
export function ExportLinks({ cycleId, unitId }: { cycleId: string; unitId?: string | undefined }) {
  const { t, locale } = useI18n();
  const labels = documentLabels[locale === 'en' ? 'en' : 'vi'];
  const query = new URLSearchParams({ cycleId });
  if (unitId) query.set('unitId', unitId);
  const cycleOnly = new URLSearchParams({ cycleId });
  const links = [
    { key: 'xlsx', href: `/api/export/results.xlsx?${query}`, label: t('cycles.exportWorkbook') },
    { key: 'units', href: `/api/export/unit-ratings.pdf?${query}`, label: t('cycles.exportUnitRatings') },
    ...(unitId
      ? [{ key: 'forms', href: `/api/documents/rating-forms.pdf?${query}`, label: labels.forms }]
      : []),
    {
      key: 'rating-decision',
      href: `/api/documents/rating-decision.pdf?${cycleOnly}`,
      label: labels.ratingDecision,
    },
    { key: 'titles', href: `/api/documents/title-decision.pdf?${cycleOnly}`, label: labels.titleDecision },
    { key: 'report', href: `/api/documents/cycle-report.pdf?${cycleOnly}`, label: labels.report },
    { key: 'report-xlsx', href: `/api/documents/cycle-report.xlsx?${cycleOnly}`, label: labels.reportXlsx },
    {
      key: 'national-json',
      href: `/api/documents/national-export.json?${cycleOnly}`,
      label: labels.nationalJson,
    },
    {
      key: 'national-xml',
      href: `/api/documents/national-export.xml?${cycleOnly}`,
      label: labels.nationalXml,
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
