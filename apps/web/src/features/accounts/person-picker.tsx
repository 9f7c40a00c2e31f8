import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { unitWithParent } from '../units/unit-name.ts';

// A person (an account's owner, a nominee) picked by a server search (the API ignores diacritics, so
// "nguyen van an" finds "Nguyễn Văn An"). Each option shows the staff code and the unit with its
// parent, so two people of the same name can be told apart.

const AccountPersonPick = graphql(`
  query AccountPersonPick($search: String) {
    people(first: 20, filter: { search: $search }) {
      edges {
        node {
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
      }
    }
  }
`);

export type PickedPerson = {
  id: string;
  fullName: string;
  code: string;
  unit: { name: string; parent?: { name: string } | null };
};

export function personLabel(person: PickedPerson): string {
  return `${person.fullName} · ${person.code} · ${unitWithParent(person.unit)}`;
}

/** Form.Item hands value/onChange/id to it; `current` labels the linked person before any search. */
export function PersonPicker(props: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** the person picked (or null when cleared), for a form that asks more about them */
  onPick?: (person: PickedPerson | null) => void;
  current?: PickedPerson | null;
  placeholder?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const [people] = useQuery({
    query: AccountPersonPick,
    variables: { search: debounced || null },
    pause: debounced === '',
  });
  const found = debounced ? (people.data?.people.edges.map((edge) => edge.node) ?? []) : [];
  const options = found.map((person: PickedPerson) => ({
    value: person.id,
    label: personLabel(person),
    person,
  }));
  if (props.current && props.value === props.current.id && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.current.id, label: personLabel(props.current), person: props.current });
  }
  return (
    <Select
      id={props.id}
      value={props.value ?? undefined}
      onChange={(value?: string) => {
        props.onChange?.(value ?? null);
        props.onPick?.(options.find((option) => option.value === value)?.person ?? null);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={people.fetching}
      placeholder={props.placeholder ?? t('accounts.personPlaceholder')}
      notFoundContent={debounced && !people.fetching ? t('accounts.personNotFound') : null}
      options={options}
      optionRender={(option) => {
        const person = option.data.person;
        return (
          <div>
            <div>
              {person.fullName} <Typography.Text type="secondary">· {person.code}</Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {unitWithParent(person.unit)}
            </Typography.Text>
          </div>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
