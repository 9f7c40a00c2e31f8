import { Alert, Button, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult, type ErrorResult } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { serverWords } from '../../lib/server-text.ts';
import { type UnitKind, unitKinds } from './unit-kind.ts';
import { unitWithParent } from './unit-name.ts';
import { UnitTreeSelect } from './unit-tree-select.tsx';
import {
  CreateUnitMutation,
  EmulationBlocksQuery,
  UnitDetailsQuery,
  type UnitListItem,
  UpdateUnitMutation,
} from './units-api.ts';

type UnitFormValues = {
  name: string;
  code: string;
  kind?: UnitKind;
  parentId?: string;
  blockId?: string | null;
  active: boolean;
};

/** The API's field path (input.name) to the form's field name (name). */
const formFields: Record<string, keyof UnitFormValues> = {
  'input.name': 'name',
  'input.code': 'code',
  'input.kind': 'kind',
  'input.parentId': 'parentId',
  'input.blockId': 'blockId',
  'input.active': 'active',
};

/** What the form edits of a unit; a version the conflict reload can replace. */
type Editable = Pick<UnitListItem, 'id' | 'code' | 'name' | 'kind' | 'active' | 'version'> & {
  parent: { id: string; name: string } | null;
  block: { id: string } | null;
};

function valuesOf(unit: Editable | null, parentId: string | undefined): Partial<UnitFormValues> {
  if (!unit) return { parentId, blockId: null, active: true };
  return {
    name: unit.name,
    code: unit.code,
    kind: unit.kind,
    parentId: unit.parent?.id,
    blockId: unit.block?.id ?? null,
    active: unit.active,
  };
}

/** Form.Item hands value/onChange/id to its child. */
function ParentField(props: { id?: string; value?: string; onChange?: (value: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <UnitTreeSelect
      id={props.id}
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      placeholder={t('units.field.parentPlaceholder')}
      style={{ width: '100%' }}
    />
  );
}

/**
 * Creates a unit (under `parentId` when given) or edits one. The API's refusals go beside the field
 * they name; a stale version says so and offers the latest one. Focus goes back to the opener.
 */
export function UnitFormModal(props: {
  unit: Editable | null;
  parentId?: string;
  onClose: (saved: { id: string; name: string; parent?: { name: string } | null } | null) => void;
}) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [form] = Form.useForm<UnitFormValues>();
  const [creating, create] = useMutation(CreateUnitMutation);
  const [updating, update] = useMutation(UpdateUnitMutation);
  const [blocks] = useQuery({ query: EmulationBlocksQuery });
  const [unit, setUnit] = useState<Editable | null>(props.unit);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  useFocusReturn();
  const editing = unit !== null;

  function showRefusal(outcome: ErrorResult) {
    if (outcome.__typename === 'ConflictError' && editing) {
      setConflict(true);
      setError(null);
      return;
    }
    const fields = outcome.fields ?? [];
    // a duplicate code is a conflict of the create: it belongs beside the code
    const byField =
      outcome.__typename === 'ConflictError' && !editing
        ? [{ field: 'input.code', message: outcome.message ?? '' }]
        : fields;
    const placed = byField.flatMap((issue) => {
      const name = formFields[issue.field];
      return name ? [{ name, errors: [serverWords(issue.message, locale)] }] : [];
    });
    form.setFields(placed);
    setError(placed.length > 0 ? t('units.fixFields') : describeErrorResult(outcome, t));
  }

  async function submit(values: UnitFormValues) {
    setError(null);
    setNotice(null);
    setConflict(false);
    if (unit) {
      const input: {
        name?: string;
        kind?: UnitKind;
        parentId?: string;
        blockId?: string | null;
        active?: boolean;
      } = {};
      if (values.name.trim() !== unit.name) input.name = values.name.trim();
      if (values.kind && values.kind !== unit.kind) input.kind = values.kind;
      if (values.parentId && values.parentId !== unit.parent?.id) input.parentId = values.parentId;
      if ((values.blockId ?? null) !== (unit.block?.id ?? null)) input.blockId = values.blockId ?? null;
      if (values.active !== unit.active) input.active = values.active;
      if (Object.keys(input).length === 0) {
        props.onClose(null);
        return;
      }
      const result = await update({ id: unit.id, version: unit.version, input });
      const outcome = result.data?.updateUnit;
      if (outcome?.__typename === 'UpdateUnitSuccess') props.onClose(outcome.data);
      else if (outcome) showRefusal(outcome);
      else if (result.error) setError(describeCombinedError(result.error, t));
      return;
    }
    const result = await create({
      input: {
        name: (values.name ?? '').trim(),
        code: (values.code ?? '').trim(),
        kind: values.kind as UnitKind,
        parentId: values.parentId as string,
        blockId: values.blockId ?? null,
      },
    });
    const outcome = result.data?.createUnit;
    if (outcome?.__typename === 'CreateUnitSuccess') props.onClose(outcome.data);
    else if (outcome) showRefusal(outcome);
    else if (result.error) setError(describeCombinedError(result.error, t));
  }

  async function reloadLatest() {
    if (!unit) return;
    setReloading(true);
    const result = await client
      .query(UnitDetailsQuery, { id: unit.id }, { requestPolicy: 'network-only' })
      .toPromise();
    setReloading(false);
    const latest = result.data?.unit;
    if (!latest) {
      setError(result.error ? describeCombinedError(result.error, t) : t('error.NOT_FOUND'));
      return;
    }
    setUnit(latest);
    form.resetFields();
    form.setFieldsValue(valuesOf(latest, undefined));
    setConflict(false);
    setNotice(t('units.reloaded'));
  }

  return (
    <Modal
      open
      title={unit ? t('units.editTitle', { name: unitWithParent(unit) }) : t('units.createTitle')}
      onCancel={() => props.onClose(null)}
      onOk={() => form.submit()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      okButtonProps={{ loading: creating.fetching || updating.fetching }}
      destroyOnHidden
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('units.conflict')}
          action={
            <Button size="small" onClick={reloadLatest} loading={reloading}>
              {t('units.reloadLatest')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {notice && <Alert type="info" showIcon role="status" title={notice} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={valuesOf(props.unit, props.parentId)}
      >
        {/* name and code are checked by the API, which names the field it refuses */}
        <Form.Item name="name" label={t('units.field.name')} required>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('units.field.code')}
          required={!editing}
          extra={editing ? t('units.codeFixed') : t('units.codeHelp')}
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('units.field.kind')}
          rules={[{ required: true, message: t('units.kindRequired') }]}
        >
          <Select options={unitKinds.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('units.field.parent')}
          rules={editing && !unit?.parent ? [] : [{ required: true, message: t('units.parentRequired') }]}
        >
          <ParentField />
        </Form.Item>
        <Form.Item name="blockId" label={t('units.field.block')} extra={t('units.blockHelp')}>
          <Select
            allowClear
            loading={blocks.fetching}
            placeholder={t('units.noBlock')}
            options={(blocks.data?.blocks ?? []).map((block) => ({ value: block.id, label: block.name }))}
          />
        </Form.Item>
        {editing && (
          <Form.Item
            name="active"
            label={t('units.field.active')}
            valuePropName="checked"
            extra={t('units.activeHelp')}
          >
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
