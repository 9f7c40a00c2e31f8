import { Alert, App, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError } from '../../lib/error-message.ts';
import { CorrectEvidenceDialog } from './correct-evidence-dialog.tsx';
import { DeleteEvidenceDialog } from './delete-evidence-dialog.tsx';
import { type EvidenceRow, evidenceKindOrder, PersonEvidenceQuery } from './evidence-documents.ts';
import { EvidenceTable } from './evidence-table.tsx';

// "Minh chứng đã nhập": a person's evidence of a cycle, kind by kind, each row with the import it
// came from; those who may import it correct a value or delete a wrong row, always with a reason.

export function PersonEvidence({ cycleId, personId }: { cycleId: string; personId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [result, refetch] = useQuery({
    query: PersonEvidenceQuery,
    variables: { cycleId, personId },
    requestPolicy: 'cache-and-network',
  });
  const [correcting, setCorrecting] = useState<EvidenceRow | null>(null);
  const [deleting, setDeleting] = useState<EvidenceRow | null>(null);
  const view = result.data?.personEvidence;

  if (result.error && !view) {
    return <Alert type="error" showIcon role="alert" title={describeCombinedError(result.error, t)} />;
  }
  if (!view) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;

  const done = (text: string) => {
    void message.success(text);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section aria-label={t('evidence.heading')} data-testid="person-evidence">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('evidence.intro')}
      </Typography.Paragraph>
      {view.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.empty')} />
      ) : (
        evidenceKindOrder.map((kind) => (
          <EvidenceTable
            key={kind}
            kind={kind}
            view={view}
            onCorrect={setCorrecting}
            onDelete={setDeleting}
          />
        ))
      )}
      {correcting && (
        <CorrectEvidenceDialog
          cycleId={cycleId}
          name={view.fullName}
          periodKind={view.periodKind}
          row={correcting}
          onClose={(changed) => {
            setCorrecting(null);
            if (changed) done(t('evidence.corrected'));
          }}
        />
      )}
      {deleting && (
        <DeleteEvidenceDialog
          cycleId={cycleId}
          name={view.fullName}
          periodKind={view.periodKind}
          row={deleting}
          onClose={(changed) => {
            setDeleting(null);
            if (changed) done(t('evidence.deleted'));
          }}
        />
      )}
    </section>
  );
}
