import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { Role } from '../../auth/session.ts';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';
import type { CycleStatus } from './use-cycles.ts';

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

// who answers for each step by default
const stageOwners: Partial<Record<CycleStatus, Role>> = {
  OPEN: 'STAFF',
  ASSESSMENT: 'UNIT_HEAD',
  REVIEW: 'COUNCIL_MEMBER',
  APPROVED: 'OFFICER',
  PUBLISHED: 'OFFICER',
};

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

export function CreateCycleModal({ onClose }: { onClose: (created: boolean) => void }) {
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
