import {
  Alert,
  App,
  Button,
  Checkbox,
  Empty,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult, type ErrorResult } from '../../lib/error-message.ts';
import { formatDateTime, formatScore } from '../../lib/format.ts';
import { AddAssignment } from './add-assignment.tsx';
import { moveInGrid } from './grid-keys.ts';
import {
  type AssignmentRow,
  AssignWorkMutation,
  CatalogueQuery,
  ClosePeriodMutation,
  PeriodTrackingQuery,
  periodNumbers,
  periodShortLabel,
  RecordPeriodResultsMutation,
  ReopenPeriodMutation,
  type TrackedPersonRow,
} from './period-documents.ts';

type ResultDraft = {
  completed: number;
  finishedOn: string | null;
  failedReviews: number;
  delays: number;
  excused: boolean;
  excuseReason: string;
  excusedBy: string;
};

type LiveScore = NonNullable<TrackedPersonRow['periodScore']>;

type GridRow = {
  key: string;
  person: TrackedPersonRow;
  assignment: AssignmentRow | null;
  first: boolean;
  span: number;
  index: number;
};

const draftOf = (row: AssignmentRow): ResultDraft => ({
  completed: row.completed,
  finishedOn: row.finishedOn ?? null,
  failedReviews: row.failedReviews,
  delays: row.delays,
  excused: row.excused,
  excuseReason: row.excuseReason ?? '',
  excusedBy: row.excusedBy ?? '',
});

function errorText(error: ErrorResult, t: ReturnType<typeof useT>): string {
  // a refusal to close names the people still to assess: the server's sentence says it best
  return error.__typename === 'ConflictError' && error.message
    ? error.message
    : describeErrorResult(error, t);
}

/** The head's screen for one unit and one period: bulk entry by keyboard, the engine's score as they type, closing. */
export function PeriodTracking(props: {
  cycleId: string;
  unitId: string;
  periodKind: 'YEAR' | 'QUARTER' | 'MONTH';
}) {
  const t = useT();
  const { message } = App.useApp();
  const periods = periodNumbers(props.periodKind);
  const [period, setPeriod] = useState<number>(() => Math.min(periods.length, 3));
  const [result, refetch] = useQuery({
    query: PeriodTrackingQuery,
    variables: { cycleId: props.cycleId, unitId: props.unitId, period },
    requestPolicy: 'cache-and-network',
  });
  const [catalogue] = useQuery({ query: CatalogueQuery, variables: { cycleId: props.cycleId } });
  const [, record] = useMutation(RecordPeriodResultsMutation);
  const [, previewRecord] = useMutation(RecordPeriodResultsMutation);
  const [, close] = useMutation(ClosePeriodMutation);
  const [, reopen] = useMutation(ReopenPeriodMutation);
  const [, assign] = useMutation(AssignWorkMutation);
  const [drafts, setDrafts] = useState<Record<string, ResultDraft>>({});
  const [assessments, setAssessments] = useState<Record<string, number | null>>({});
  const [preview, setPreview] = useState<Record<string, LiveScore | null>>({});
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const view = result.data?.periodTracking ?? null;
  const closed = view?.state === 'CLOSED';
  const dirty = Object.keys(drafts).length + Object.keys(assessments).length > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new unit or period starts a clean sheet
  useEffect(() => {
    setDrafts({});
    setAssessments({});
    setPreview({});
    setReason('');
  }, [props.unitId, period, props.cycleId]);

  const input = useCallback(
    (extra: { preview: boolean }) => ({
      cycleId: props.cycleId,
      unitId: props.unitId,
      period,
      preview: extra.preview,
      reason: reason.trim() || null,
      results: Object.entries(drafts).map(([assignmentId, draft]) => ({
        assignmentId,
        completed: draft.completed,
        finishedOn: draft.finishedOn || null,
        failedReviews: draft.failedReviews,
        delays: draft.delays,
        excused: draft.excused,
        excuseReason: draft.excused ? draft.excuseReason || null : null,
        excusedBy: draft.excused ? draft.excusedBy || null : null,
      })),
      assessments: Object.entries(assessments)
        .filter((entry): entry is [string, number] => entry[1] !== null)
        .map(([personId, conductAssessment]) => ({ personId, conductAssessment })),
    }),
    [props.cycleId, props.unitId, period, reason, drafts, assessments],
  );

  // the score as they type: the engine scores the entries in a transaction that is not kept
  const previewTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!dirty) return;
    if (previewTimer.current) clearTimeout(previewTimer.current);
    previewTimer.current = setTimeout(async () => {
      const response = await previewRecord({
        input: { ...input({ preview: true }), reason: reason.trim() || 'xem trước' },
      });
      const payload = response.data?.recordPeriodResults;
      if (payload?.__typename === 'RecordPeriodResultsSuccess') {
        setPreview(
          Object.fromEntries(payload.data.people.map((row) => [row.personId, row.periodScore ?? null])),
        );
      }
    }, 350);
    return () => {
      if (previewTimer.current) clearTimeout(previewTimer.current);
    };
  }, [dirty, input, previewRecord, reason]);

  const save = useCallback(async () => {
    if (!dirty) return;
    if (closed && !reason.trim()) {
      void message.warning(t('periods.reasonNeeded'));
      return;
    }
    setSaving(true);
    const response = await record({ input: input({ preview: false }) });
    setSaving(false);
    const payload = response.data?.recordPeriodResults;
    if (response.error) void message.error(describeCombinedError(response.error, t));
    else if (payload && payload.__typename !== 'RecordPeriodResultsSuccess')
      void message.error(errorText(payload, t));
    else {
      void message.success(t('periods.saved'));
      setDrafts({});
      setAssessments({});
      setPreview({});
      setReason('');
      refetch({ requestPolicy: 'network-only' });
    }
  }, [dirty, closed, reason, record, input, message, t, refetch]);

  const confirmClose = () => {
    if (!view) return;
    Modal.confirm({
      title: t('periods.closeConfirmTitle', { period: view.label }),
      content: t('periods.closeConfirmBody'),
      okText: t('periods.close'),
      cancelText: t('app.cancel'),
      onOk: async () => {
        const response = await close({ cycleId: props.cycleId, unitId: props.unitId, period });
        const payload = response.data?.closePeriod;
        if (response.error) void message.error(describeCombinedError(response.error, t));
        else if (payload && payload.__typename !== 'ClosePeriodSuccess')
          void message.error(errorText(payload, t));
        else {
          void message.success(t('periods.closed', { period: view.label }));
          refetch({ requestPolicy: 'network-only' });
        }
      },
    });
  };

  const [reopenReason, setReopenReason] = useState('');
  const [reopening, setReopening] = useState(false);
  const doReopen = async () => {
    const response = await reopen({
      cycleId: props.cycleId,
      unitId: props.unitId,
      period,
      reason: reopenReason,
    });
    const payload = response.data?.reopenPeriod;
    if (payload && payload.__typename !== 'ReopenPeriodSuccess') void message.error(errorText(payload, t));
    else {
      setReopening(false);
      setReopenReason('');
      refetch({ requestPolicy: 'network-only' });
    }
  };

  const rows = useMemo<GridRow[]>(() => {
    const list: GridRow[] = [];
    for (const person of view?.people ?? []) {
      const items = person.assignments.length > 0 ? person.assignments : [null];
      items.forEach((assignment, i) => {
        list.push({
          key: assignment?.id ?? `${person.personId}-none`,
          person,
          assignment,
          first: i === 0,
          span: i === 0 ? items.length : 0,
          index: list.length,
        });
      });
    }
    return list;
  }, [view]);

  const setDraft = (row: AssignmentRow, change: Partial<ResultDraft>) =>
    setDrafts((current) => ({ ...current, [row.id]: { ...(current[row.id] ?? draftOf(row)), ...change } }));
  const entryOf = (row: AssignmentRow) => drafts[row.id] ?? draftOf(row);

  const cell = (index: number, col: string, node: React.ReactNode) => (
    <span data-grid-row={index} data-grid-col={col}>
      {node}
    </span>
  );

  const products = (person: TrackedPersonRow) =>
    catalogue.data?.jobPositions
      .find((position) => position.id === person.jobPositionId)
      ?.products.filter((p) => p.active) ?? [];

  if (result.error) return <Alert type="error" title={describeCombinedError(result.error, t)} />;

  return (
    // the grid's keys bubble from its inputs: the container only routes them (no action of its own)
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard movement between the grid's inputs
    <div
      data-grid
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && (event.key.toLowerCase() === 's' || event.key === 'Enter')) {
          event.preventDefault();
          void save();
          return;
        }
        moveInGrid(event);
      }}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('periods.period')}
          value={period}
          onChange={(value) => setPeriod(Number(value))}
          options={periods.map((p) => ({ value: p, label: periodShortLabel(props.periodKind, p) }))}
          data-testid="period-select"
        />
        {view ? (
          closed ? (
            <Tag color="red" data-testid="period-state">
              {t('periods.stateClosed')} · {view.closure?.closedByName} ·{' '}
              {formatDateTime(view.closure?.closedAt)}
            </Tag>
          ) : (
            <Tag color="green" data-testid="period-state">
              {t('periods.stateOpen')}
            </Tag>
          )
        ) : null}
        {view && !closed ? (
          <Typography.Text type={view.missingAssessments > 0 ? 'warning' : 'secondary'}>
            {t('periods.missing', { count: view.missingAssessments })}
          </Typography.Text>
        ) : null}
      </Space>
      {view?.closure?.reopenReason && !closed ? (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          title={t('periods.reopenedBecause', { reason: view.closure.reopenReason })}
        />
      ) : null}
      {closed ? (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          title={t('periods.closedHint')}
          description={
            <Input
              aria-label={t('periods.correctionReason')}
              placeholder={t('periods.correctionReason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="correction-reason"
            />
          }
        />
      ) : null}
      <Table<GridRow>
        size="small"
        bordered
        loading={result.fetching && !view}
        dataSource={rows}
        pagination={false}
        rowKey="key"
        locale={{ emptyText: <Empty description={t('periods.nobody')} /> }}
        scroll={{ x: 1200 }}
        columns={[
          {
            title: t('periods.person'),
            key: 'person',
            width: 200,
            onCell: (row) => ({ rowSpan: row.span }),
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{row.person.fullName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.person.jobPosition ?? row.person.positionTitle ?? ''}
                  {row.person.leadsUnit ? ` · ${t('periods.leader')}` : ''}
                </Typography.Text>
                {!closed ? (
                  <AddAssignment
                    products={products(row.person)}
                    onAssign={async (productId, quantity) => {
                      const response = await assign({
                        input: {
                          cycleId: props.cycleId,
                          personId: row.person.personId,
                          period,
                          productId,
                          quantity,
                        },
                      });
                      const payload = response.data?.assignWork;
                      if (payload && payload.__typename !== 'AssignWorkSuccess')
                        void message.error(errorText(payload, t));
                      else refetch({ requestPolicy: 'network-only' });
                    }}
                  />
                ) : null}
              </Space>
            ),
          },
          {
            title: t('periods.work'),
            key: 'work',
            render: (_, row) =>
              row.assignment ? (
                <Space orientation="vertical" size={0}>
                  <span>{row.assignment.title}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('periods.assigned', {
                      quantity: row.assignment.assigned,
                      unit: row.assignment.product?.unitOfCount ?? '',
                      weight: row.assignment.weight,
                    })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('periods.noWork')}</Typography.Text>
              ),
          },
          {
            title: t('periods.completed'),
            key: 'completed',
            width: 110,
            render: (_, row) =>
              row.assignment
                ? cell(
                    row.index,
                    'completed',
                    <InputNumber
                      aria-label={`${t('periods.completed')} ${row.person.fullName} ${row.assignment.title}`}
                      min={0}
                      value={entryOf(row.assignment).completed}
                      onChange={(value) =>
                        row.assignment && setDraft(row.assignment, { completed: Number(value ?? 0) })
                      }
                      style={{ width: 96 }}
                    />,
                  )
                : null,
          },
          {
            title: t('periods.finishedOn'),
            key: 'finishedOn',
            width: 150,
            render: (_, row) =>
              row.assignment
                ? cell(
                    row.index,
                    'finishedOn',
                    <Input
                      type="date"
                      aria-label={`${t('periods.finishedOn')} ${row.person.fullName} ${row.assignment.title}`}
                      value={entryOf(row.assignment).finishedOn ?? ''}
                      onChange={(event) =>
                        row.assignment && setDraft(row.assignment, { finishedOn: event.target.value || null })
                      }
                      status={
                        entryOf(row.assignment).finishedOn &&
                        (entryOf(row.assignment).finishedOn ?? '') > row.assignment.dueOn
                          ? 'warning'
                          : undefined
                      }
                    />,
                  )
                : null,
          },
          {
            title: <Tooltip title={t('periods.failedReviewsHint')}>{t('periods.failedReviews')}</Tooltip>,
            key: 'failedReviews',
            width: 90,
            render: (_, row) =>
              row.assignment
                ? cell(
                    row.index,
                    'failedReviews',
                    <InputNumber
                      aria-label={`${t('periods.failedReviews')} ${row.person.fullName} ${row.assignment.title}`}
                      min={0}
                      precision={0}
                      value={entryOf(row.assignment).failedReviews}
                      onChange={(value) =>
                        row.assignment && setDraft(row.assignment, { failedReviews: Number(value ?? 0) })
                      }
                      style={{ width: 70 }}
                    />,
                  )
                : null,
          },
          {
            title: t('periods.delays'),
            key: 'delays',
            width: 90,
            render: (_, row) =>
              row.assignment
                ? cell(
                    row.index,
                    'delays',
                    <InputNumber
                      aria-label={`${t('periods.delays')} ${row.person.fullName} ${row.assignment.title}`}
                      min={0}
                      precision={0}
                      value={entryOf(row.assignment).delays}
                      onChange={(value) =>
                        row.assignment && setDraft(row.assignment, { delays: Number(value ?? 0) })
                      }
                      style={{ width: 70 }}
                    />,
                  )
                : null,
          },
          {
            title: t('periods.excused'),
            key: 'excused',
            width: 240,
            render: (_, row) => {
              if (!row.assignment) return null;
              const assignment = row.assignment;
              const value = entryOf(assignment);
              return (
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  {cell(
                    row.index,
                    'excused',
                    <Checkbox
                      checked={value.excused}
                      onChange={(event) => setDraft(assignment, { excused: event.target.checked })}
                    >
                      {t('periods.excusedLabel')}
                    </Checkbox>,
                  )}
                  {value.excused ? (
                    <>
                      <Input
                        size="small"
                        aria-label={t('periods.excuseReason')}
                        placeholder={t('periods.excuseReason')}
                        value={value.excuseReason}
                        onChange={(event) => setDraft(assignment, { excuseReason: event.target.value })}
                      />
                      <Input
                        size="small"
                        aria-label={t('periods.excusedBy')}
                        placeholder={t('periods.excusedBy')}
                        value={value.excusedBy}
                        onChange={(event) => setDraft(assignment, { excusedBy: event.target.value })}
                      />
                    </>
                  ) : null}
                </Space>
              );
            },
          },
          {
            title: <Tooltip title={t('periods.assessmentHint')}>{t('periods.assessment')}</Tooltip>,
            key: 'assessment',
            width: 90,
            onCell: (row) => ({ rowSpan: row.span }),
            render: (_, row) =>
              row.person.leadsUnit
                ? null
                : cell(
                    row.index,
                    'assessment',
                    <InputNumber
                      aria-label={`${t('periods.assessment')} ${row.person.fullName}`}
                      min={0}
                      max={10}
                      step={0.5}
                      value={assessments[row.person.personId] ?? row.person.assessment}
                      status={
                        row.person.needsAssessment &&
                        row.person.assessment === null &&
                        assessments[row.person.personId] == null
                          ? 'warning'
                          : undefined
                      }
                      onChange={(value) =>
                        setAssessments((current) => ({
                          ...current,
                          [row.person.personId]: value === null ? null : Number(value),
                        }))
                      }
                      style={{ width: 72 }}
                    />,
                  ),
          },
          {
            title: t('periods.score'),
            key: 'score',
            width: 110,
            onCell: (row) => ({ rowSpan: row.span }),
            render: (_, row) => {
              const live =
                row.person.personId in preview ? preview[row.person.personId] : row.person.periodScore;
              return (
                <Tooltip
                  title={
                    live
                      ? t('periods.components', {
                          tasks: formatScore(live.tasks),
                          conduct: formatScore(live.conduct),
                          reform: formatScore(live.reform),
                          citizens: formatScore(live.citizens),
                        })
                      : t('periods.notScored')
                  }
                >
                  <Typography.Text strong data-testid={`period-score-${row.person.code}`}>
                    {live ? formatScore(live.score) : '—'}
                  </Typography.Text>
                </Tooltip>
              );
            },
          },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Button
          type="primary"
          onClick={() => void save()}
          disabled={!dirty}
          loading={saving}
          data-testid="save-period"
        >
          {closed ? t('periods.saveCorrection') : t('periods.save')}
        </Button>
        <Typography.Text type="secondary">{t('periods.keysHint')}</Typography.Text>
        {!closed ? (
          <Button danger onClick={confirmClose} disabled={dirty || !view} data-testid="close-period">
            {t('periods.close')}
          </Button>
        ) : view?.viewerCanReopen ? (
          <Button onClick={() => setReopening(true)}>{t('periods.reopen')}</Button>
        ) : null}
      </Space>
      <Modal
        open={reopening}
        title={t('periods.reopen')}
        onCancel={() => setReopening(false)}
        onOk={() => void doReopen()}
        okButtonProps={{ disabled: reopenReason.trim().length < 5 }}
      >
        <Input.TextArea
          aria-label={t('periods.reopenReason')}
          placeholder={t('periods.reopenReason')}
          value={reopenReason}
          onChange={(event) => setReopenReason(event.target.value)}
        />
      </Modal>
    </div>
  );
}
