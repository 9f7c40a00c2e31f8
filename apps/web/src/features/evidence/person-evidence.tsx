import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { type Translate, useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { periodShortLabel } from '../periods/period-documents.ts';
import {
  CorrectEvidenceMutation,
  DeleteEvidenceMutation,
  type EvidenceField,
  type EvidenceKind,
  type EvidenceRow,
  evidenceKindOrder,
  PersonEvidenceQuery,
  type PersonEvidenceView,
} from './evidence-documents.ts';

// "Minh chứng đã nhập": a person's evidence of a cycle, kind by kind, each row with the import it
// came from; those who may import it correct a value or delete a wrong row, always with a reason.

function fieldLabel(name: string, t: Translate): string {
  const key = `evidence.field.${name}` as MessageKey;
  const label = t(key);
  return label === key ? name : label;
}

function optionLabel(value: string, t: Translate): string {
  const key = `evidence.option.${value}` as MessageKey;
  const label = t(key);
  return label === key ? value : label;
}

/** A value as a reader expects it: dates dd/mm/yyyy, yes/no, the choice's name. */
export function showValue(field: Pick<EvidenceField, 'type' | 'value'>, t: Translate): string {
  if (field.value === null) return '–';
  switch (field.type) {
    case 'DATE':
      return formatDate(field.value);
    case 'BOOLEAN':
      return field.value === 'true' ? t('app.yes') : t('app.no');
    case 'CHOICE':
      return optionLabel(field.value, t);
    default:
      return field.value;
  }
}

/** What names a row in a sentence: its kind, what tells it apart, its period. */
function rowTitle(row: EvidenceRow, periodKind: PersonEvidenceView['periodKind'], t: Translate): string {
  const period = row.period === null ? t('evidence.wholeYear') : periodShortLabel(periodKind, row.period);
  return [t(`evidence.kind.${row.kind}`), row.label, period].filter(Boolean).join(' · ');
}

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

function EvidenceTable(props: {
  kind: EvidenceKind;
  view: PersonEvidenceView;
  onCorrect: (row: EvidenceRow) => void;
  onDelete: (row: EvidenceRow) => void;
}) {
  const t = useT();
  const { view, kind } = props;
  const rows = view.rows.filter((row) => row.kind === kind);
  if (rows.length === 0) return null;
  const shown = (row: EvidenceRow) =>
    row.fields.filter((field) => !(kind === 'TASK' && (field.name === 'code' || field.name === 'title')));
  return (
    <>
      <Typography.Title level={4} style={{ fontSize: 14, marginTop: 12 }}>
        {t(`evidence.kind.${kind}`)}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          {
            title: t('evidence.col.period'),
            key: 'period',
            width: 90,
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <span>
                  {row.period === null
                    ? t('evidence.wholeYear')
                    : periodShortLabel(view.periodKind, row.period)}
                </span>
                {row.periodClosed && <Tag color="gold">{t('evidence.periodClosed')}</Tag>}
              </Space>
            ),
          },
          ...(kind === 'DOSSIER'
            ? []
            : [
                {
                  title: t('evidence.col.item'),
                  key: 'item',
                  render: (_: unknown, row: EvidenceRow) => row.label ?? '–',
                },
              ]),
          {
            title: t('evidence.col.values'),
            key: 'values',
            render: (_, row) => (
              <Space wrap size={[12, 0]}>
                {shown(row).map((field) => (
                  <span key={field.name}>
                    <Typography.Text type="secondary">{fieldLabel(field.name, t)}:</Typography.Text>{' '}
                    {showValue(field, t)}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: t('evidence.col.source'),
            key: 'source',
            render: (_, row) =>
              row.source ? (
                <Space direction="vertical" size={0}>
                  <Typography.Text>{row.source.fileName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('evidence.sourceBy', {
                      at: formatDateTime(row.source.importedAt),
                      by: row.source.importedBy ?? '–',
                    })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('evidence.typedIn')}</Typography.Text>
              ),
          },
          ...(view.mayCorrect
            ? [
                {
                  title: t('app.actions'),
                  key: 'actions',
                  render: (_: unknown, row: EvidenceRow) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => props.onCorrect(row)}
                        aria-label={`${t('evidence.correct')}: ${rowTitle(row, view.periodKind, t)}`}
                      >
                        {t('evidence.correct')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => props.onDelete(row)}
                        aria-label={`${t('evidence.delete')}: ${rowTitle(row, view.periodKind, t)}`}
                      >
                        {t('evidence.delete')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

/** The input a field's type asks for; its value always as the API's text. */
function ValueInput(props: {
  field: EvidenceField;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
}) {
  const t = useT();
  const { field, value, onChange } = props;
  const status = props.invalid ? 'error' : undefined;
  switch (field.type) {
    case 'BOOLEAN':
      return (
        <Radio.Group
          id="evidence-value"
          value={value}
          onChange={(event) => onChange(event.target.value as string)}
        >
          <Radio value="true">{t('app.yes')}</Radio>
          <Radio value="false">{t('app.no')}</Radio>
        </Radio.Group>
      );
    case 'CHOICE':
      return (
        <Select
          id="evidence-value"
          value={value || undefined}
          status={status}
          onChange={(chosen: string) => onChange(chosen)}
          options={(field.options ?? []).map((option) => ({ value: option, label: optionLabel(option, t) }))}
        />
      );
    case 'DATE':
      return (
        <Input
          id="evidence-value"
          type="date"
          status={status}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'INT':
    case 'NUMBER':
      return (
        <Input
          id="evidence-value"
          inputMode={field.type === 'INT' ? 'numeric' : 'decimal'}
          status={status}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <Input
          id="evidence-value"
          status={status}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}

function reasonMissing(reason: string): boolean {
  return reason.trim().length < 5;
}

/** The API's refusal: on the field it names when it names the value or the reason, else above the form. */
type Refusal = { general: string | null; value: string | null; reason: string | null };

function toRefusal(
  outcome: {
    __typename: string;
    code?: string;
    message?: string;
    fields?: readonly { field: string; message: string }[];
  },
  t: Translate,
): Refusal {
  const onField = (name: string) => outcome.fields?.find((field) => field.field === name)?.message ?? null;
  const value = onField('input.value');
  const reason = onField('input.reason');
  return { general: value || reason ? null : describeErrorResult(outcome, t), value, reason };
}

const noRefusal: Refusal = { general: null, value: null, reason: null };

type Outcome = Parameters<typeof toRefusal>[0];

/** What a correction or a deletion answered: null when it went through, else the refusal to show. */
function refusalOf(
  response: { error?: Parameters<typeof describeCombinedError>[0] | undefined },
  outcome: Outcome | undefined,
  success: string,
  t: Translate,
): Refusal | null {
  if (!outcome)
    return { ...noRefusal, general: response.error ? describeCombinedError(response.error, t) : null };
  return outcome.__typename === success ? null : toRefusal(outcome, t);
}

export function CorrectEvidenceDialog(props: {
  cycleId: string;
  name: string;
  periodKind: PersonEvidenceView['periodKind'];
  row: EvidenceRow;
  onClose: (changed: boolean) => void;
}) {
  const t = useT();
  const { row } = props;
  const correctable = row.fields.filter((field) => field.correctable);
  const [fieldName, setFieldName] = useState(correctable[0]?.name ?? '');
  const field = correctable.find((candidate) => candidate.name === fieldName) ?? null;
  const [value, setValue] = useState(field?.value ?? '');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(noRefusal);
  const [state, correct] = useMutation(CorrectEvidenceMutation);
  const valueMissing = !field?.nullable && value.trim() === '';

  async function submit() {
    setTouched(true);
    setRefusal(noRefusal);
    if (!field || valueMissing || reasonMissing(reason)) return;
    const response = await correct({
      input: {
        cycleId: props.cycleId,
        id: row.id,
        field: field.name,
        value: value.trim() === '' ? null : value.trim(),
        reason: reason.trim(),
        version: row.version,
      },
    });
    const refused = refusalOf(response, response.data?.correctEvidence, 'CorrectEvidenceSuccess', t);
    if (refused) setRefusal(refused);
    else props.onClose(true);
  }

  const valueHelp = refusal.value ?? (touched && valueMissing ? t('evidence.valueRequired') : undefined);
  const reasonHelp =
    refusal.reason ?? (touched && reasonMissing(reason) ? t('evidence.reasonRequired') : undefined);
  return (
    <Modal
      open
      title={t('evidence.correctTitle', { name: props.name })}
      onCancel={() => props.onClose(false)}
      onOk={() => void submit()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      okButtonProps={{ loading: state.fetching }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('evidence.row', { item: rowTitle(row, props.periodKind, t) })}
      </Typography.Paragraph>
      {row.periodClosed && (
        <Alert type="info" showIcon title={t('evidence.closedNote')} style={{ marginBottom: 12 }} />
      )}
      {refusal.general && (
        <Alert type="error" showIcon role="alert" title={refusal.general} style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical">
        <Form.Item label={t('evidence.field')} htmlFor="evidence-field" required>
          <Select
            id="evidence-field"
            value={fieldName}
            onChange={(name: string) => {
              setFieldName(name);
              setValue(correctable.find((candidate) => candidate.name === name)?.value ?? '');
              setRefusal(noRefusal);
            }}
            options={correctable.map((candidate) => ({
              value: candidate.name,
              label: fieldLabel(candidate.name, t),
            }))}
          />
        </Form.Item>
        {field && (
          <Form.Item
            label={t('evidence.newValue')}
            htmlFor="evidence-value"
            required={!field.nullable}
            extra={t('evidence.current', { value: showValue(field, t) })}
            validateStatus={valueHelp ? 'error' : undefined}
            help={valueHelp}
          >
            <ValueInput field={field} value={value} onChange={setValue} invalid={Boolean(valueHelp)} />
          </Form.Item>
        )}
        <ReasonInput reason={reason} onChange={setReason} help={reasonHelp} />
      </Form>
    </Modal>
  );
}

function ReasonInput(props: {
  reason: string;
  onChange: (reason: string) => void;
  help: string | undefined;
}) {
  const t = useT();
  return (
    <Form.Item
      label={t('evidence.reason')}
      htmlFor="evidence-reason"
      required
      validateStatus={props.help ? 'error' : undefined}
      help={props.help}
    >
      <Input.TextArea
        id="evidence-reason"
        rows={3}
        maxLength={2000}
        showCount
        value={props.reason}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Form.Item>
  );
}

export function DeleteEvidenceDialog(props: {
  cycleId: string;
  name: string;
  periodKind: PersonEvidenceView['periodKind'];
  row: EvidenceRow;
  onClose: (changed: boolean) => void;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const { row } = props;
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(noRefusal);
  const [state, remove] = useMutation(DeleteEvidenceMutation);

  async function confirmed() {
    const response = await remove({
      input: { cycleId: props.cycleId, id: row.id, reason: reason.trim(), version: row.version },
    });
    const refused = refusalOf(response, response.data?.deleteEvidence, 'DeleteEvidenceSuccess', t);
    if (refused) setRefusal(refused);
    else props.onClose(true);
  }

  function submit() {
    setTouched(true);
    setRefusal(noRefusal);
    if (reasonMissing(reason)) return;
    // a deleted row cannot be restored: say what goes before it goes
    modal.confirm({
      title: t('evidence.deleteConfirmTitle'),
      content: t('evidence.deleteConfirm', { item: rowTitle(row, props.periodKind, t), name: props.name }),
      okText: t('evidence.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: confirmed,
    });
  }

  const reasonHelp =
    refusal.reason ?? (touched && reasonMissing(reason) ? t('evidence.reasonRequired') : undefined);
  return (
    <Modal
      open
      title={t('evidence.deleteTitle', { name: props.name })}
      onCancel={() => props.onClose(false)}
      onOk={submit}
      okText={t('evidence.delete')}
      okButtonProps={{ danger: true, loading: state.fetching }}
      cancelText={t('app.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('evidence.row', { item: rowTitle(row, props.periodKind, t) })}
      </Typography.Paragraph>
      <Space wrap size={[12, 0]} style={{ marginBottom: 12 }}>
        {row.fields.map((field) => (
          <span key={field.name}>
            <Typography.Text type="secondary">{fieldLabel(field.name, t)}:</Typography.Text>{' '}
            {showValue(field, t)}
          </span>
        ))}
      </Space>
      {row.periodClosed && (
        <Alert type="info" showIcon title={t('evidence.closedNote')} style={{ marginBottom: 12 }} />
      )}
      {refusal.general && (
        <Alert type="error" showIcon role="alert" title={refusal.general} style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical">
        <ReasonInput reason={reason} onChange={setReason} help={reasonHelp} />
      </Form>
    </Modal>
  );
}
