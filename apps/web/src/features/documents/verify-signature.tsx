import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Typography, Upload } from 'antd';
import { useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { serverWords } from '../../lib/server-text.ts';
import { RefusalAlert } from './describe-refusal.tsx';
import { type SignatureCheck, verifyPdf } from './document-api.ts';
import { IssuedDocumentsQuery } from './document-queries.ts';

type Checked = { fileName: string; check: SignatureCheck; sha256: string | null };

async function sha256Of(file: File): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

/** The verdict in one sentence: valid and whole, valid but appended to, changed, or not signed. */
function verdict(check: SignatureCheck): {
  type: 'success' | 'warning' | 'error';
  key:
    | 'documents.verify.valid'
    | 'documents.verify.appended'
    | 'documents.verify.changed'
    | 'documents.verify.unsigned';
} {
  if (!check.signed) return { type: 'error', key: 'documents.verify.unsigned' };
  if (!check.valid) return { type: 'error', key: 'documents.verify.changed' };
  if (!check.coversWholeFile) return { type: 'warning', key: 'documents.verify.appended' };
  return { type: 'success', key: 'documents.verify.valid' };
}

/** Upload a signed PDF and read, in plain words, who signed it, when, and whether it changed since. */
export function VerifySignature({ cycleId }: { cycleId: string | undefined }) {
  const { t, locale } = useI18n();
  const [register] = useQuery({
    query: IssuedDocumentsQuery,
    variables: { cycleId: cycleId ?? '' },
    pause: !cycleId,
  });
  const verify = useMutation<Checked, unknown, File>({
    mutationFn: async (file) => {
      const [check, sha256] = await Promise.all([verifyPdf(file), sha256Of(file)]);
      return { fileName: file.name, check, sha256 };
    },
  });
  const checked = verify.data;
  const known = checked?.sha256
    ? register.data?.issuedDocuments.find((row) => row.sha256 === checked.sha256)
    : undefined;
  const outcome = checked ? verdict(checked.check) : null;

  return (
    <Card title={t('documents.verify.title')} style={{ marginBottom: 16 }} data-testid="verify-signature">
      <Typography.Paragraph type="secondary">{t('documents.verify.hint')}</Typography.Paragraph>
      <Upload
        accept=".pdf,application/pdf"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          verify.mutate(file);
          return false;
        }}
      >
        <Button loading={verify.isPending} data-testid="verify-choose">
          {verify.isPending ? t('documents.verify.checking') : t('documents.verify.choose')}
        </Button>
      </Upload>
      {verify.error ? (
        <RefusalAlert title={t('documents.verify.failed')} error={verify.error} testId="verify-refused" />
      ) : null}
      {checked && outcome && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="verify-result">
          <Alert
            type={outcome.type}
            showIcon
            role="status"
            title={t(outcome.key)}
            data-testid="verify-verdict"
            description={known ? t('documents.verify.register', { number: known.number }) : undefined}
          />
          {checked.check.demo && (
            <Alert type="warning" showIcon title={t('documents.verify.demo')} data-testid="verify-demo" />
          )}
          {checked.check.signed && (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('documents.verify.file')}>{checked.fileName}</Descriptions.Item>
              <Descriptions.Item label={t('documents.verify.signer')}>
                {checked.check.signerName ?? '–'}
              </Descriptions.Item>
              <Descriptions.Item label={t('documents.verify.signedAt')}>
                {formatDateTime(checked.check.signedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('documents.verify.reason')}>
                {checked.check.reason ?? '–'}
              </Descriptions.Item>
              <Descriptions.Item label={t('documents.verify.subject')}>
                {checked.check.subject ?? '–'}
              </Descriptions.Item>
              <Descriptions.Item label={t('documents.verify.issuer')}>
                {checked.check.issuer ?? '–'}
              </Descriptions.Item>
            </Descriptions>
          )}
          {checked.check.problems.length > 0 && (
            <div data-testid="verify-problems">
              <Typography.Text strong>{t('documents.verify.problems')}</Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                {checked.check.problems.map((problem) => (
                  <li key={problem}>{serverWords(problem, locale)}</li>
                ))}
              </ul>
            </div>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('documents.verify.trustNote')}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
