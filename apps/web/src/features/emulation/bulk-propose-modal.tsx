import { Alert, App, Button, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult, type ErrorResult } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { serverWords } from '../../lib/server-text.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { unitWithParent } from '../units/unit-name.ts';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';
import { standingColor } from './standing-color.ts';

// A bulk proposal: one individual title, the people the engine finds eligible for it (the API's
// titleCandidates, searched there without diacritics), one reason, a confirmation naming the count
// and the title, then what happened to each person: proposed, or refused with the API's reason.

/** How many candidates a page shows; the API's page limit is 500. */
const pageSize = 200;
/** The API takes at most 100 ids per call (its limit on any list): longer selections go in parts. */
const chunkSize = 100;

const TitleCandidatesQuery = graphql(`
  query TitleCandidates($cycleId: ID!, $title: TitleKind!, $search: String, $unitId: ID, $first: Int!) {
    titleCandidates(cycleId: $cycleId, title: $title, search: $search, unitId: $unitId, first: $first) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          viewerCanProposeTitle
          person {
            id
            fullName
            code
            unit {
              id
              name
              parent {
                id
                name
              }
            }
          }
          titleEligibility {
            title
            status
          }
        }
      }
    }
  }
`);

const ProposeTitlesMutation = graphql(
  `
  mutation ProposeTitles($cycleId: ID!, $title: TitleKind!, $personIds: [ID!]!, $reason: String) {
    proposeTitles(cycleId: $cycleId, title: $title, personIds: $personIds, reason: $reason) {
      __typename
      ... on ProposeTitlesSuccess {
        data {
          proposedCount
          refused {
            personId
            code
            message
            person {
              id
              fullName
            }
          }
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

export type BulkTitle = 'LDTT' | 'CSTDCS' | 'CSTD_TINH' | 'CSTD_TOAN_QUOC' | 'GIAY_KHEN' | 'BANG_KHEN';
const bulkTitles: readonly BulkTitle[] = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TOAN_QUOC',
  'GIAY_KHEN',
  'BANG_KHEN',
];

type Candidate = ResultOf<typeof TitleCandidatesQuery>['titleCandidates']['edges'][number]['node'];
type Refusal = { personId: string; name: string; message: string };
type Outcome = { title: BulkTitle; proposed: number; refused: Refusal[] };

export function BulkProposeModal(props: { cycleId: string; onClose: (done: boolean) => void }) {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  useFocusReturn();
  const [title, setTitle] = useState<BulkTitle>('LDTT');
  const [search, setSearch] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  // the people chosen, by person id, with their names (kept while the search changes)
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sending, setSending] = useState(false);
  const debounced = useDebouncedValue(search.trim());
  const [candidates] = useQuery({
    query: TitleCandidatesQuery,
    variables: {
      cycleId: props.cycleId,
      title,
      search: debounced || null,
      unitId: unitId ?? null,
      first: pageSize,
    },
    requestPolicy: 'network-only',
  });
  const [, proposeTitles] = useMutation(ProposeTitlesMutation);
  const rows = useMemo(
    () => candidates.data?.titleCandidates.edges.map((edge) => edge.node) ?? [],
    [candidates.data],
  );
  const proposed = outcome !== null;

  const send = async () => {
    setError(null);
    setSending(true);
    const ids = [...chosen.keys()];
    const done: Outcome = { title, proposed: 0, refused: [] };
    try {
      for (let start = 0; start < ids.length; start += chunkSize) {
        const result = await proposeTitles({
          cycleId: props.cycleId,
          title,
          personIds: ids.slice(start, start + chunkSize),
          reason: reason.trim() || null,
        });
        const payload = result.data?.proposeTitles;
        if (result.error || !payload || payload.__typename !== 'ProposeTitlesSuccess') {
          // a fault of the request (the reason, the cycle): nothing of this part was proposed
          setError(
            result.error
              ? describeCombinedError(result.error, t)
              : describeErrorResult(payload as ErrorResult, t),
          );
          if (done.proposed > 0 || done.refused.length > 0) setOutcome(done);
          return;
        }
        done.proposed += payload.data.proposedCount;
        for (const refused of payload.data.refused) {
          done.refused.push({
            personId: refused.personId,
            name: refused.person?.fullName ?? chosen.get(refused.personId) ?? t('emulation.bulkOutsideScope'),
            message: serverWords(refused.message, locale),
          });
        }
      }
      setOutcome(done);
    } finally {
      setSending(false);
    }
  };

  const footer = proposed ? (
    <Button type="primary" onClick={() => props.onClose(outcome.proposed > 0)}>
      {t('app.close')}
    </Button>
  ) : (
    <Space>
      <Button onClick={() => props.onClose(false)}>{t('app.cancel')}</Button>
      <Button
        type="primary"
        disabled={chosen.size === 0 || sending}
        loading={sending}
        onClick={() => {
          modal.confirm({
            title: t('emulation.bulkConfirm', { title: t(`titleKind.${title}`), count: chosen.size }),
            content: t('emulation.bulkConfirmBody'),
            okText: t('app.confirm'),
            cancelText: t('app.cancel'),
            onOk: send,
          });
        }}
      >
        {t('emulation.bulkSubmit', { count: chosen.size })}
      </Button>
    </Space>
  );

  return (
    <Modal
      open
      width={900}
      title={t('emulation.bulkHeading')}
      footer={footer}
      onCancel={() => props.onClose(proposed && outcome.proposed > 0)}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      {outcome ? (
        <div data-testid="bulk-outcome">
          <Typography.Paragraph strong>
            {t('emulation.bulkDone', { title: t(`titleKind.${outcome.title}`), count: outcome.proposed })}
          </Typography.Paragraph>
          {outcome.refused.length > 0 && (
            <>
              <Typography.Paragraph>
                {t('emulation.bulkRefused', { count: outcome.refused.length })}
              </Typography.Paragraph>
              <ul data-testid="bulk-refused">
                {outcome.refused.map((refused) => (
                  <li key={refused.personId}>
                    <strong>{refused.name}</strong>: {refused.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('emulation.bulkHint')}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select<BulkTitle>
              aria-label={t('emulation.title')}
              style={{ width: 280 }}
              value={title}
              onChange={(value) => {
                setTitle(value);
                setChosen(new Map());
              }}
              options={bulkTitles.map((value) => ({ value, label: t(`titleKind.${value}`) }))}
            />
            <Input.Search
              aria-label={t('emulation.bulkSearch')}
              placeholder={t('emulation.bulkSearch')}
              allowClear
              style={{ width: 280 }}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            <UnitTreeSelect value={unitId} onChange={setUnitId} ariaLabel={t('emulation.unit')} />
          </Space>
          {candidates.error && (
            <Typography.Paragraph type="danger" role="alert">
              {describeCombinedError(candidates.error, t)}
            </Typography.Paragraph>
          )}
          <Table<Candidate>
            rowKey={(row) => row.person.id}
            size="small"
            loading={candidates.fetching}
            dataSource={rows}
            pagination={false}
            scroll={{ y: 360 }}
            locale={{ emptyText: t('emulation.bulkEmpty') }}
            rowSelection={{
              preserveSelectedRowKeys: true,
              selectedRowKeys: [...chosen.keys()],
              getCheckboxProps: (row) => ({
                disabled: !row.viewerCanProposeTitle,
                'aria-label': row.person.fullName,
              }),
              onChange: (keys, selectedRows) => {
                const next = new Map<string, string>();
                for (const key of keys) {
                  const id = String(key);
                  const row = selectedRows.find((item) => item?.person.id === id);
                  next.set(id, row?.person.fullName ?? chosen.get(id) ?? '');
                }
                setChosen(next);
              },
            }}
            columns={[
              {
                title: t('emulation.nominee'),
                render: (_, row) => (
                  <div>
                    <div>{row.person.fullName}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('emulation.staffCode')} {row.person.code}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: t('emulation.unit'), render: (_, row) => unitWithParent(row.person.unit) },
              {
                title: t('emulation.standing'),
                render: (_, row) => {
                  // the engine's answer for this title; none: the engine has no rule for it
                  const entry = row.titleEligibility.find((item) => item.title === title);
                  return entry ? (
                    <Tag color={standingColor(entry.status)}>{t(`emulation.standing.${entry.status}`)}</Tag>
                  ) : (
                    <Tag>{t('emulation.noCriteria')}</Tag>
                  );
                },
              },
            ]}
          />
          {candidates.data?.titleCandidates.pageInfo.hasNextPage && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('emulation.bulkMore', { shown: rows.length })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph style={{ marginTop: 8 }} data-testid="bulk-selected">
            {t('emulation.bulkSelected', { count: chosen.size })}
          </Typography.Paragraph>
          <label htmlFor="bulk-reason">{t('emulation.reason')}</label>
          <Input.TextArea
            id="bulk-reason"
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </>
      )}
    </Modal>
  );
}
