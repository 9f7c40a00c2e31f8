import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { PersonPicker, type PickedPerson } from '../accounts/person-picker.tsx';
import { UnitTreeSelect } from '../units/unit-tree-select.tsx';
import { useErrorText } from './use-error-text.ts';

const ProposeTitleMutation = graphql(
  `
  mutation ProposeTitle($cycleId: ID!, $personId: ID, $unitId: ID, $title: TitleKind!, $reason: String) {
    proposeTitle(cycleId: $cycleId, personId: $personId, unitId: $unitId, title: $title, reason: $reason) {
      __typename
      ... on ProposeTitleSuccess {
        data {
          id
          status
          eligible
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

// What the API says of the nominee picked: whether the viewer may propose a title for them (role,
// scope, the cycle's step, not themselves) and the engine's standing for each individual title.
const ProposalNomineeQuery = graphql(`
  query ProposalNominee($cycleId: ID!, $search: String!) {
    results(cycleId: $cycleId, first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          viewerCanProposeTitle
          person {
            id
          }
          titleEligibility {
            title
            status
            reasons
          }
        }
      }
    }
  }
`);

type IndividualTitle = 'LDTT' | 'CSTDCS' | 'CSTD_TINH' | 'CSTD_TOAN_QUOC' | 'GIAY_KHEN' | 'BANG_KHEN';
const individualTitles: readonly IndividualTitle[] = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TOAN_QUOC',
  'GIAY_KHEN',
  'BANG_KHEN',
];
// what a unit may be proposed for: the collective titles, and the commendations (on their reason)
type UnitTitle = 'TAP_THE_LDTT' | 'TAP_THE_LDXS' | 'CO_THI_DUA' | 'GIAY_KHEN' | 'BANG_KHEN';
const unitTitles: readonly UnitTitle[] = [
  'TAP_THE_LDTT',
  'TAP_THE_LDXS',
  'CO_THI_DUA',
  'GIAY_KHEN',
  'BANG_KHEN',
];

export function ProposeTitleModal(props: { cycleId: string; onClose: (done: boolean) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{
    personId?: string;
    unitId?: string;
    title: IndividualTitle | UnitTitle;
    reason?: string;
  }>();
  const [kind, setKind] = useState<'person' | 'unit'>('person');
  const [state, propose] = useMutation(ProposeTitleMutation);
  const [error, setError] = useState<string | null>(null);
  useFocusReturn();
  const [picked, setPicked] = useState<PickedPerson | null>(null);
  const [standing] = useQuery({
    query: ProposalNomineeQuery,
    variables: { cycleId: props.cycleId, search: picked?.fullName ?? '' },
    pause: !picked,
    requestPolicy: 'network-only',
  });
  const nomineeResult =
    (picked &&
      standing.data?.results.edges.map((edge) => edge.node).find((node) => node.person.id === picked.id)) ??
    null;
  const refused = kind === 'person' && nomineeResult !== null && !nomineeResult.viewerCanProposeTitle;

  return (
    <Modal
      open
      title={t('emulation.propose')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={state.fetching}
      okButtonProps={{ disabled: refused }}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
    >
      {error && (
        <p role="alert" style={{ color: '#a61d24' }}>
          {error}
        </p>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          setError(null);
          const result = await propose({
            cycleId: props.cycleId,
            personId: kind === 'person' ? (values.personId ?? null) : null,
            unitId: kind === 'unit' ? (values.unitId ?? null) : null,
            title: values.title,
            reason: values.reason ?? null,
          });
          const text = errorText(result, result.data?.proposeTitle);
          if (text) setError(text);
          else {
            void message.success(t('emulation.proposed'));
            props.onClose(true);
          }
        }}
      >
        <Form.Item label={t('emulation.nomineeKind')}>
          <Radio.Group
            value={kind}
            optionType="button"
            onChange={(event) => {
              setKind(event.target.value as 'person' | 'unit');
              form.setFieldsValue({ title: undefined, personId: undefined, unitId: undefined });
              setPicked(null);
            }}
            options={[
              { value: 'person', label: t('emulation.individual') },
              { value: 'unit', label: t('emulation.collective') },
            ]}
          />
        </Form.Item>
        {kind === 'person' ? (
          <Form.Item name="personId" label={t('emulation.nominee')} rules={[{ required: true }]}>
            <PersonPicker placeholder={t('people.searchPlaceholder')} onPick={setPicked} />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('emulation.nomineeUnit')} rules={[{ required: true }]}>
            <UnitTreeSelect
              value={undefined}
              onChange={() => undefined}
              placeholder={t('emulation.nomineeUnit')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        )}
        {refused && picked && (
          <p role="alert" style={{ color: '#a61d24' }} data-testid="propose-refused">
            {t('emulation.proposeRefused', { name: picked.fullName })}
          </p>
        )}
        <Form.Item name="title" label={t('emulation.title')} rules={[{ required: true }]}>
          <Select<IndividualTitle | UnitTitle>
            options={
              kind === 'unit'
                ? unitTitles.map((value) => ({ value, label: t(`titleKind.${value}`) }))
                : individualTitles.map((value) => {
                    // the engine's standing of the nominee beside each title (the API judges the proposal)
                    const entry = nomineeResult?.titleEligibility.find((item) => item.title === value);
                    const label = t(`titleKind.${value}`);
                    // a result without an entry for the title: the engine has no rule for it
                    if (!entry)
                      return {
                        value,
                        label: nomineeResult ? `${label} — ${t('emulation.noCriteria')}` : label,
                      };
                    const reasons = entry.reasons.length > 0 ? `: ${entry.reasons.join('; ')}` : '';
                    return {
                      value,
                      label: `${label} — ${t(`emulation.standing.${entry.status}`)}${reasons}`,
                    };
                  })
            }
          />
        </Form.Item>
        <Form.Item name="reason" label={t('emulation.reason')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
