import { Empty, Space, Typography } from 'antd';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { IssuedDocuments } from '../features/documents/issued-documents.tsx';
import { NationalExport } from '../features/documents/national-export.tsx';
import { VerifySignature } from '../features/documents/verify-signature.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';
import { useUrlState } from '../lib/use-url-state.ts';

/**
 * "Văn bản": the cycle's register of issued (numbered, signed) documents and the buttons that issue
 * them, the check of a signed PDF, and the file for the national personnel database with its due date.
 */
export function DocumentsPage() {
  const t = useT();
  // the cycle lives in the address, as on the results page: Back and links keep it
  const [url, setUrl] = useUrlState(['cycle'] as const);
  const { cycles, selected: remembered, select: remember, error, fetching } = useCycles();
  const selected = cycles.find((cycle) => cycle.id === url.cycle) ?? remembered;
  const select = (id: string) => {
    remember(id);
    setUrl({ cycle: id });
  };

  return (
    <section aria-labelledby="documents-heading">
      <Typography.Title level={1} id="documents-heading" style={{ fontSize: 22 }}>
        {t('documents.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('documents.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
      </Space>
      {error && !selected && (
        <Typography.Paragraph type="danger" role="alert">
          {describeCombinedError(error, t)}
        </Typography.Paragraph>
      )}
      {selected ? (
        <>
          <IssuedDocuments key={selected.id} cycleId={selected.id} />
          <NationalExport
            cycleId={selected.id}
            published={selected.status === 'PUBLISHED' || selected.status === 'ARCHIVED'}
          />
        </>
      ) : (
        !fetching && !error && <Empty description={t('documents.noCycle')} />
      )}
      <VerifySignature cycleId={selected?.id} />
    </section>
  );
}
