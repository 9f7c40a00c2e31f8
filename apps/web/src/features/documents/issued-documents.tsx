import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Empty, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { RefusalAlert } from './describe-refusal.tsx';
import { type IssuableKind, type IssuedFile, issuableKinds, issueDocument } from './document-api.ts';
import {
  type IssuedDocumentRow,
  IssuedDocumentsQuery,
  shortSha,
  type TitleDecisionRow,
} from './document-queries.ts';

/** The cycle's register of issued documents and the buttons that issue (number and sign) new ones. */
export function IssuedDocuments({ cycleId }: { cycleId: string }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const decisionSelectId = useId();
  const [result, refetch] = useQuery({
    query: IssuedDocumentsQuery,
    variables: { cycleId },
    requestPolicy: 'cache-and-network',
  });
  const rows = result.data?.issuedDocuments ?? [];
  const decisions = (result.data?.titleDecisions ?? []).filter((decision) => decision.kind === 'AWARD');
  const [decisionId, setDecisionId] = useState<string | undefined>(undefined);
  const confirming = useRef(false);

  const issue = useMutation<IssuedFile, unknown, { kind: IssuableKind; decisionId?: string | undefined }>({
    mutationFn: (variables) => issueDocument({ ...variables, cycleId }),
    onSuccess: (issued) => {
      void message.success(t('documents.issue.done', { number: issued.number }));
      refetch({ requestPolicy: 'network-only' });
    },
  });

  function confirmIssue(kind: IssuableKind) {
    if (confirming.current || issue.isPending) return;
    const decision = decisions.find((item) => item.id === decisionId);
    if (kind === 'TITLE_DECISION' && !decision) {
      void message.warning(t('documents.issue.chooseDecision'));
      return;
    }
    const earlier = rows.filter((row) => row.kind === kind).map((row) => row.number);
    confirming.current = true;
    modal.confirm({
      title: t('documents.issue.confirmTitle', { kind: t(`documentKind.${kind}`) }),
      content: (
        <div data-testid="issue-confirm">
          <p>
            {decision
              ? t('documents.issue.confirmDecision', { number: decision.number })
              : t('documents.issue.confirmBody')}
          </p>
          <p>
            <strong>{t('documents.issue.notUndoable')}</strong>
          </p>
          {kind !== 'TITLE_DECISION' && earlier.length > 0 && (
            <p>{t('documents.issue.confirmAgain', { numbers: earlier.join(', ') })}</p>
          )}
        </div>
      ),
      okText: t('documents.issue.ok'),
      cancelText: t('app.cancel'),
      onOk: () => {
        issue.mutate({ kind, decisionId: decision?.id });
      },
      afterClose: () => {
        confirming.current = false;
      },
    });
  }

  return (
    <Card
      title={t('documents.issued.title')}
      style={{ marginBottom: 16 }}
      data-testid="issued-documents"
      extra={
        <Button size="small" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          {t('documents.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('documents.issue.hint')}</Typography.Paragraph>
      <Space wrap align="end" style={{ marginBottom: 8 }}>
        {issuableKinds
          .filter((kind) => kind !== 'TITLE_DECISION')
          .map((kind) => (
            <Button
              key={kind}
              type="primary"
              loading={issue.isPending && issue.variables?.kind === kind}
              disabled={issue.isPending}
              onClick={() => confirmIssue(kind)}
              data-testid={`issue-${kind}`}
            >
              {t(`documents.issue.${kind}`)}
            </Button>
          ))}
        <div>
          <label htmlFor={decisionSelectId} style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
            {t('documents.issue.decision')}
          </label>
          <Space.Compact>
            <Select<string>
              id={decisionSelectId}
              style={{ width: 260 }}
              value={decisionId}
              onChange={setDecisionId}
              placeholder={
                decisions.length > 0
                  ? t('documents.issue.decisionPlaceholder')
                  : t('documents.issue.noDecisions')
              }
              disabled={decisions.length === 0}
              options={decisions.map((decision: TitleDecisionRow) => ({
                value: decision.id,
                label: `${decision.number} · ${formatDate(decision.decidedOn)}`,
              }))}
              data-testid="issue-decision-select"
            />
            <Button
              type="primary"
              loading={issue.isPending && issue.variables?.kind === 'TITLE_DECISION'}
              disabled={issue.isPending || !decisionId}
              onClick={() => confirmIssue('TITLE_DECISION')}
              data-testid="issue-TITLE_DECISION"
            >
              {t('documents.issue.TITLE_DECISION')}
            </Button>
          </Space.Compact>
        </div>
      </Space>
      {issue.error ? (
        <RefusalAlert title={t('documents.issue.refused')} error={issue.error} testId="issue-refused" />
      ) : null}
      {result.error && !result.data ? (
        <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 12 }}>
          {describeCombinedError(result.error, t)}
        </Typography.Paragraph>
      ) : (
        <Table<IssuedDocumentRow>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          loading={result.fetching && !result.data}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('documents.issued.empty')} /> }}
          data-testid="issued-table"
          columns={[
            {
              title: t('documents.col.number'),
              dataIndex: 'number',
              key: 'number',
              width: 150,
              render: (value: string) => <strong>{value}</strong>,
            },
            {
              title: t('documents.col.kind'),
              dataIndex: 'kind',
              key: 'kind',
              render: (kind: IssuedDocumentRow['kind'], row) => (
                <Tooltip title={row.title}>{t(`documentKind.${kind}`)}</Tooltip>
              ),
            },
            {
              title: t('documents.col.issuedOn'),
              dataIndex: 'issuedOn',
              key: 'issuedOn',
              width: 120,
              render: (value: string) => formatDate(value),
            },
            {
              title: t('documents.col.signer'),
              key: 'signer',
              render: (_value, row) => (
                <span>
                  {row.signerName ?? t('documents.notSigned')}
                  {row.signedAt && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('documents.signedAt', { when: formatDateTime(row.signedAt) })}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: t('documents.col.sha256'),
              dataIndex: 'sha256',
              key: 'sha256',
              width: 150,
              render: (value: string) => (
                <Typography.Text code copyable={{ text: value }} title={value}>
                  {shortSha(value)}
                </Typography.Text>
              ),
            },
            {
              title: t('app.actions'),
              key: 'download',
              width: 110,
              render: (_value, row) => (
                <a href={row.downloadUrl} download aria-label={`${t('documents.download')} ${row.number}`}>
                  {t('documents.download')}
                </a>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
