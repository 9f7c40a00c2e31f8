import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { serverWords } from '../../lib/server-text.ts';
import { runExportJob, saveFile } from './document-api.ts';

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
    building: 'Đang tạo bảng kết quả… tệp sẽ tự tải về khi xong',
    built: 'Đã tạo bảng kết quả',
  },
  en: {
    forms: 'Rating forms of the unit (PDF)',
    ratingDecision: 'Decision recognising the ratings (PDF)',
    titleDecision: 'Draft decision on emulation titles (PDF)',
    report: 'Summary report (PDF)',
    reportXlsx: 'Summary report (Excel)',
    nationalJson: 'File for the national database (JSON)',
    nationalXml: 'File for the national database (XML)',
    building: 'Building the results workbook… it downloads by itself when ready',
    built: 'Results workbook built',
  },
} as const;

/**
 * Download links for a cycle's documents (plain GET links: the browser sends the session cookie);
 * the results workbook, a whole province's rows, is built by a job on the server and downloads
 * when it is ready.
 */
export function ExportLinks({ cycleId, unitId }: { cycleId: string; unitId?: string | undefined }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [building, setBuilding] = useState(false);
  const labels = documentLabels[locale === 'en' ? 'en' : 'vi'];
  const query = new URLSearchParams({ cycleId });
  if (unitId) query.set('unitId', unitId);
  const cycleOnly = new URLSearchParams({ cycleId });
  const links = [
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
  const buildWorkbook = async () => {
    if (building) return;
    setBuilding(true);
    const key = `results-workbook-${cycleId}`;
    void message.loading({ key, content: labels.building, duration: 0 });
    try {
      const file = await runExportJob({ file: 'results.xlsx', cycleId, unitId });
      saveFile(file.blob, file.fileName);
      void message.success({ key, content: labels.built });
    } catch (error) {
      void message.error({
        key,
        content: serverWords(error instanceof Error ? error.message : String(error), locale),
      });
    } finally {
      setBuilding(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'xlsx',
            disabled: building,
            label: <span data-testid="export-results-workbook">{t('cycles.exportWorkbook')}</span>,
            onClick: () => void buildWorkbook(),
          },
          ...links.map((link) => ({
            key: link.key,
            label: (
              <a href={link.href} download>
                {link.label}
              </a>
            ),
          })),
        ],
      }}
    >
      <Button loading={building}>{t('cycles.exports')} ▾</Button>
    </Dropdown>
  );
}
