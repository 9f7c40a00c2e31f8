import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { type Role, useSession } from '../auth/session.ts';
import { CycleSettingsActions } from '../features/cycle-settings/cycle-settings-actions.tsx';
import { DeadlineTag } from '../features/cycles/deadline-tag.tsx';
import { RunProgress } from '../features/cycles/run-progress.tsx';
import { type CycleRow, type CycleStatus, cycleStatuses, useCycles } from '../features/cycles/use-cycles.ts';
import { ExportLinks } from '../features/documents/export-links.tsx';
import { UnitTreeSelect } from '../features/units/unit-tree-select.tsx';
import { graphql } from '../graphql/graphql.ts';
import { MutationError } from '../graphql/mutation-error.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../lib/error-message.ts';
import { useFocusReturn } from '../lib/focus-return.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';

const MoveCycle = graphql(
  `
  mutation MoveCyclePage($id: ID!, $to: CycleStatus!, $reason: String, $version: Int!) {
    moveCycle(id: $id, to: $to, reason: $reason, version: $version) {
      __typename
      ... on MoveCycleSuccess {
        data {
          id
          status
          version
          readOnly
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const RunEvaluation = graphql(
  `
  mutation RunEvaluationPage($cycleId: ID!) {
    runEvaluation(cycleId: $cycleId) {
      __typename
      ... on RunEvaluationSuccess {
        data {
          id
          status
          total
          processed
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const CreateCycle = graphql(
  `
  mutation CreateCyclePage($input: CreateCycleInput!) {
    createCycle(input: $input) {
      __typename
      ... on CreateCycleSuccess {
        data {
          id
          name
          status
          version
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const PolicyPacks = graphql(`
  query PolicyPacks {
    policyPacks {
      id
      name
      description
    }
  }
`);

const managers: readonly Role[] = ['ADMIN', 'OFFICER'];

// who answers for each step by default
const stageOwners: Partial<Record<CycleStatus, Role>> = {
  OPEN: 'STAFF',
  ASSESSMENT: 'UNIT_HEAD',
  REVIEW: 'COUNCIL_MEMBER',
  APPROVED: 'OFFICER',
  PUBLISHED: 'OFFICER',
};

function nextStatus(status: CycleStatus): CycleStatus | null {
  if (status === 'PUBLISHED' || status === 'ARCHIVED') return status === 'PUBLISHED' ? 'ARCHIVED' : null;
  return cycleStatuses[cycleStatuses.indexOf(status) + 1] ?? null;
}

function earlierStatuses(status: CycleStatus): CycleStatus[] {
  if (status === 'PUBLISHED' || status === 'ARCHIVED') return [];
  return cycleStatuses.slice(0, cycleStatuses.indexOf(status));
}

function MoveBackModal({ cycle, onClose }: { cycle: CycleRow; onClose: () => void }) {
  useFocusReturn();
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ to: CycleStatus; reason: string }>();
  const [state, move] = useMutation(MoveCycle);
  const [error, setError] = useState<string | null>(null);
  const targets = earlierStatuses(cycle.status);

  async function submit(values: { to: CycleStatus; reason: string }) {
    setError(null);
    const result = await move({
      id: cycle.id,
      to: values.to,
      reason: values.reason.trim(),
      version: cycle.version,
    });
    const outcome = result.data?.moveCycle;
    if (outcome?.__typename === 'MoveCycleSuccess') {
      void message.success(t('cycles.moved', { status: t(`cycleStatus.${values.to}`) }));
      onClose();
    } else if (outcome) setError(describeErrorResult(outcome, t));
    else if (result.error) setError(describeCombinedError(result.error, t));
  }

  return (
    <Modal
      open
      title={`${t('cycles.moveBack')}: ${cycle.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cycles.moveBack')}
      okButtonProps={{ danger: true, loading: state.fetching }}
      cancelText={t('app.cancel')}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ to: targets.at(-1) }}>
        <Form.Item name="to" label={t('cycles.moveBackTo')} rules={[{ required: true }]}>
          <Select options={targets.map((status) => ({ value: status, label: t(`cycleStatus.${status}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cycles.moveBackReason')}
          rules={[{ required: true, min: 5, whitespace: true, message: t('cycles.moveBackReason') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type CreateValues = {
  name: string;
  year: number;
  packId: string;
  scopeUnitId: string;
  appealDays: number;
  excellentPercent: number;
  /** the decision behind a quota above the law's 20% or a pack outside its years */
  decisionReference?: string;
  deadlines: Partial<Record<CycleStatus, Dayjs | null>>;
};

function CreateCycleModal({ onClose }: { onClose: (created: boolean) => void }) {
  useFocusReturn();
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [packs] = useQuery({ query: PolicyPacks });
  const [state, create] = useMutation(CreateCycle);
  const [error, setError] = useState<string | null>(null);
  const year = new Date().getFullYear();

  async function submit(values: CreateValues) {
    setError(null);
    const deadlines = Object.entries(values.deadlines ?? {}).flatMap(([stage, date]) =>
      date
        ? [
            {
              stage: stage as CycleStatus,
              dueOn: date.format('YYYY-MM-DD'),
              ownerRole: stageOwners[stage as CycleStatus] ?? 'OFFICER',
            },
          ]
        : [],
    );
    const result = await create({
      input: {
        name: values.name.trim(),
        year: values.year,
        packId: values.packId,
        scopeUnitId: values.scopeUnitId,
        appealDays: values.appealDays,
        overrides: { excellentPercent: values.excellentPercent },
        deadlines,
        decisionReference: values.decisionReference?.trim() || null,
      },
    });
    const outcome = result.data?.createCycle;
    if (outcome?.__typename === 'CreateCycleSuccess') {
      void message.success(t('cycles.created'));
      onClose(true);
    } else if (outcome) setError(describeErrorResult(outcome, t));
    else if (result.error) setError(describeCombinedError(result.error, t));
  }

  return (
    <Modal
      open
      width={640}
      title={t('cycles.create')}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t('cycles.create')}
      okButtonProps={{ loading: state.fetching }}
      cancelText={t('app.cancel')}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year, appealDays: 15, excellentPercent: 20, name: `Đánh giá, xếp loại năm ${year}` }}
      >
        <Form.Item name="name" label={t('cycles.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label={t('cycles.year')} rules={[{ required: true }]}>
            <InputNumber min={2015} max={2100} />
          </Form.Item>
          <Form.Item name="appealDays" label={t('cycles.appealDays')}>
            <InputNumber min={0} max={90} />
          </Form.Item>
          <Form.Item name="excellentPercent" label={t('cycles.excellentPercent')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        <Form.Item
          name="decisionReference"
          label={t('cycles.decisionReference')}
          extra={t('cycles.decisionReferenceHelp')}
        >
          <Input maxLength={100} placeholder="125/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="packId" label={t('cycles.pack')} rules={[{ required: true }]}>
          <Select
            loading={packs.fetching}
            options={(packs.data?.policyPacks ?? []).map((pack) => ({
              value: pack.id,
              label: `${pack.name} (${pack.id})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="scopeUnitId" label={t('cycles.scope')} rules={[{ required: true }]}>
          <ScopeField />
        </Form.Item>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('cycles.deadlines')}</legend>
          <Space wrap>
            {(['OPEN', 'ASSESSMENT', 'REVIEW', 'APPROVED', 'PUBLISHED'] as const).map((stage) => (
              <Form.Item key={stage} name={['deadlines', stage]} label={t(`cycleStatus.${stage}`)}>
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
            ))}
          </Space>
        </fieldset>
      </Form>
    </Modal>
  );
}

/** Form.Item hands value/onChange/id to its child. */
function ScopeField(props: { id?: string; value?: string; onChange?: (value: string | undefined) => void }) {
  return (
    <UnitTreeSelect
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      style={{ width: '100%' }}
    />
  );
}

export function CyclesPage() {
  const t = useT();
  const { modal, message } = App.useApp();
  const session = useSession();
  const role = session.data?.user.role;
  const canManage = role ? managers.includes(role) : false;
  const { cycles, fetching, error, refresh } = useCycles();
  const [, move] = useMutation(MoveCycle);
  const [, run] = useMutation(RunEvaluation);
  const [creating, setCreating] = useState(false);
  const [movingBack, setMovingBack] = useState<CycleRow | null>(null);
  const [runs, setRuns] = useState<Record<string, string>>({});

  function confirmForward(cycle: CycleRow, to: CycleStatus) {
    const name = cycle.name;
    modal.confirm({
      title: t('cycles.moveForward', { status: t(`cycleStatus.${to}`) }),
      content:
        to === 'PUBLISHED'
          ? t('cycles.moveConfirmPublish', { name })
          : t('cycles.moveConfirm', { name, status: t(`cycleStatus.${to}`) }),
      okText: t('app.confirm'),
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await move({ id: cycle.id, to, version: cycle.version, reason: null });
        const outcome = result.data?.moveCycle;
        if (outcome?.__typename === 'MoveCycleSuccess') {
          void message.success(t('cycles.moved', { status: t(`cycleStatus.${to}`) }));
          refresh();
        } else if (outcome) void message.error(describeErrorResult(outcome, t), 8);
        else if (result.error) void message.error(describeCombinedError(result.error, t), 8);
      },
    });
  }

  function confirmRun(cycle: CycleRow) {
    modal.confirm({
      title: t('cycles.run'),
      content: t('cycles.runConfirm', { name: cycle.name }),
      okText: t('cycles.run'),
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await run({ cycleId: cycle.id });
        const outcome = result.data?.runEvaluation;
        if (outcome?.__typename === 'RunEvaluationSuccess')
          setRuns((r) => ({ ...r, [cycle.id]: outcome.data.id }));
        else if (outcome) void message.error(describeErrorResult(outcome, t), 8);
        else if (result.error) void message.error(describeCombinedError(result.error, t), 8);
      },
    });
  }

  return (
    <section aria-labelledby="cycles-heading">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} id="cycles-heading" style={{ fontSize: 22, margin: 0 }}>
          {t('cycles.heading')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('cycles.create')}
          </Button>
        )}
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeCombinedError(error, t)}
          action={<Button onClick={refresh}>{t('app.retry')}</Button>}
        />
      )}
      <Table<CycleRow>
        rowKey="id"
        loading={fetching && cycles.length === 0}
        dataSource={cycles}
        pagination={false}
        scroll={{ x: 1150 }}
        locale={{ emptyText: t('cycles.empty') }}
        expandable={{
          expandedRowRender: (cycle) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t('cycles.deadlines')}</Typography.Text>
              <Space wrap>
                {cycle.deadlines.map((deadline) => (
                  <Tag key={deadline.stage}>
                    {t(`cycleStatus.${deadline.stage}`)}: {formatDate(deadline.dueOn)} ·{' '}
                    {t(`role.${deadline.ownerRole}`)}
                  </Tag>
                ))}
                {cycle.deadlines.length === 0 && t('cycles.noDeadline')}
              </Space>
            </Space>
          ),
        }}
        columns={[
          {
            title: t('cycles.name'),
            key: 'name',
            width: 340,
            render: (_, cycle) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{cycle.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {cycle.year} · {cycle.scopeUnit.name} · {cycle.pack.name}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('cycles.status'),
            key: 'status',
            render: (_, cycle) => (
              <Space direction="vertical" size={4}>
                <Tag color={cycle.readOnly ? 'default' : 'blue'} data-testid="cycle-status">
                  {t(`cycleStatus.${cycle.status}`)}
                </Tag>
                <DeadlineTag cycle={cycle} t={t} />
              </Space>
            ),
          },
          {
            title: t('cycles.lastRun'),
            key: 'run',
            width: 280,
            render: (_, cycle) => {
              const runId =
                runs[cycle.id] ?? (cycle.latestRun?.status === 'RUNNING' ? cycle.latestRun.id : undefined);
              if (runId)
                return (
                  <RunProgress
                    runId={runId}
                    onFinished={() => {
                      setRuns(({ [cycle.id]: _done, ...rest }) => rest);
                      refresh();
                    }}
                  />
                );
              const last = cycle.latestRun;
              if (!last) return <Typography.Text type="secondary">{t('cycles.neverRun')}</Typography.Text>;
              if (last.status === 'FAILED')
                return (
                  <Typography.Text type="danger">
                    {t('cycles.runFailed', { message: last.message ?? '' })}
                  </Typography.Text>
                );
              return t('cycles.runDone', { total: last.total, at: formatDateTime(last.finishedAt) });
            },
          },
          {
            title: t('app.actions'),
            key: 'actions',
            render: (_, cycle) => {
              const next = nextStatus(cycle.status);
              const back = earlierStatuses(cycle.status);
              const runnable = ['OPEN', 'ASSESSMENT', 'REVIEW'].includes(cycle.status);
              return (
                <Space wrap>
                  {canManage && next && (
                    <Button type="primary" onClick={() => confirmForward(cycle, next)}>
                      {t('cycles.moveForward', { status: t(`cycleStatus.${next}`) })}
                    </Button>
                  )}
                  {canManage && runnable && (
                    <Button onClick={() => confirmRun(cycle)} disabled={Boolean(runs[cycle.id])}>
                      {t('cycles.run')}
                    </Button>
                  )}
                  {canManage && back.length > 0 && (
                    <Button danger onClick={() => setMovingBack(cycle)}>
                      {t('cycles.moveBack')}
                    </Button>
                  )}
                  {canManage && <CycleSettingsActions cycle={cycle} onChanged={refresh} />}
                  {cycle.latestRun && <ExportLinks cycleId={cycle.id} />}
                </Space>
              );
            },
          },
        ]}
      />
      {creating && (
        <CreateCycleModal
          onClose={(created) => {
            setCreating(false);
            if (created) refresh();
          }}
        />
      )}
      {movingBack && (
        <MoveBackModal
          cycle={movingBack}
          onClose={() => {
            setMovingBack(null);
            refresh();
          }}
        />
      )}
    </section>
  );
}
