import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import {
  CatalogueQuery,
  type ProductRow,
  SaveJobPositionMutation,
  SaveProductMutation,
} from './period-documents.ts';

type ProductForm = { code: string; name: string; unitOfCount: string; coefficient: number; active: boolean };

/** The personnel officer's catalogue: job positions and, per cycle, their products with conversion coefficients. */
export function CatalogueEditor(props: { cycleId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [result, refetch] = useQuery({ query: CatalogueQuery, variables: { cycleId: props.cycleId } });
  const [, saveProduct] = useMutation(SaveProductMutation);
  const [, saveJobPosition] = useMutation(SaveJobPositionMutation);
  const positions = result.data?.jobPositions ?? [];
  const [positionId, setPositionId] = useState<string | undefined>();
  const current = positions.find((row) => row.id === positionId) ?? positions[0];
  const [editing, setEditing] = useState<ProductRow | 'new' | null>(null);
  const [addingPosition, setAddingPosition] = useState(false);
  const [form] = Form.useForm<ProductForm>();
  const [positionForm] = Form.useForm<{ code: string; name: string }>();

  const submit = async (values: ProductForm) => {
    if (!current) return;
    const response = await saveProduct({
      cycleId: props.cycleId,
      jobPositionId: current.id,
      id: editing && editing !== 'new' ? editing.id : null,
      version: editing && editing !== 'new' ? editing.version : null,
      input: { ...values, coefficient: Number(values.coefficient) },
    });
    const payload = response.data?.saveProduct;
    if (response.error) void message.error(describeCombinedError(response.error, t));
    else if (payload && payload.__typename !== 'SaveProductSuccess')
      void message.error(describeErrorResult(payload, t));
    else {
      void message.success(t('catalogue.saved'));
      setEditing(null);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('catalogue.position')}
          style={{ minWidth: 320 }}
          value={current?.id}
          onChange={setPositionId}
          options={positions.map((row) => ({ value: row.id, label: `${row.code} · ${row.name}` }))}
          data-testid="position-select"
        />
        <Button onClick={() => setAddingPosition(true)}>{t('catalogue.addPosition')}</Button>
        <Button
          type="primary"
          disabled={!current}
          onClick={() => {
            form.setFieldsValue({ code: '', name: '', unitOfCount: '', coefficient: 1, active: true });
            setEditing('new');
          }}
        >
          {t('catalogue.addProduct')}
        </Button>
      </Space>
      <Table<ProductRow>
        size="small"
        rowKey="id"
        loading={result.fetching}
        pagination={false}
        dataSource={current?.products ?? []}
        columns={[
          { title: t('catalogue.code'), dataIndex: 'code', key: 'code', width: 90 },
          { title: t('catalogue.name'), dataIndex: 'name', key: 'name' },
          { title: t('catalogue.unitOfCount'), dataIndex: 'unitOfCount', key: 'unit', width: 120 },
          { title: t('catalogue.coefficient'), dataIndex: 'coefficient', key: 'coefficient', width: 110 },
          {
            title: t('catalogue.active'),
            key: 'active',
            width: 90,
            render: (_, row) => (row.active ? t('app.yes') : t('app.no')),
          },
          {
            title: '',
            key: 'edit',
            width: 90,
            render: (_, row) => (
              <Button
                size="small"
                onClick={() => {
                  form.setFieldsValue(row);
                  setEditing(row);
                }}
              >
                {t('catalogue.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('catalogue.hint')}
      </Typography.Paragraph>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('catalogue.addProduct') : t('catalogue.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="code" label={t('catalogue.code')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t('catalogue.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unitOfCount" label={t('catalogue.unitOfCount')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="coefficient" label={t('catalogue.coefficient')} rules={[{ required: true }]}>
            <InputNumber min={0} step={0.01} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="active" label={t('catalogue.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={addingPosition}
        title={t('catalogue.addPosition')}
        onCancel={() => setAddingPosition(false)}
        onOk={() => positionForm.submit()}
        destroyOnHidden
      >
        <Form
          form={positionForm}
          layout="vertical"
          onFinish={async (values) => {
            const response = await saveJobPosition(values);
            const payload = response.data?.saveJobPosition;
            if (payload && payload.__typename !== 'SaveJobPositionSuccess')
              void message.error(describeErrorResult(payload, t));
            else {
              setAddingPosition(false);
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        >
          <Form.Item name="code" label={t('catalogue.code')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t('catalogue.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
