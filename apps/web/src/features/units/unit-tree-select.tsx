import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { foldDiacritics } from '../../lib/format.ts';
import { buildUnitTree } from './build-unit-tree.ts';

export const UnitsQuery = graphql(`
  query UnitTree {
    units {
      id
      code
      name
      kind
      parent {
        id
      }
    }
  }
`);

export function useUnits() {
  const [result] = useQuery({ query: UnitsQuery });
  const units = result.data?.units;
  const tree = useMemo(() => buildUnitTree(units ?? []), [units]);
  return { units: units ?? [], tree, fetching: result.fetching, error: result.error };
}

export function UnitTreeSelect(props: {
  id?: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  ariaLabel?: string;
}) {
  const t = useT();
  const { tree, fetching } = useUnits();
  return (
    <TreeSelect
      id={props.id}
      aria-label={props.ariaLabel}
      style={props.style ?? { minWidth: 260 }}
      value={props.value}
      onChange={(value) => props.onChange((value as string | undefined) ?? undefined)}
      treeData={tree}
      loading={fetching}
      allowClear
      showSearch
      treeDefaultExpandAll={tree.length < 3}
      placeholder={props.placeholder ?? t('people.allUnits')}
      filterTreeNode={(input, node) =>
        foldDiacritics(String(node.title ?? '')).includes(foldDiacritics(input))
      }
      popupMatchSelectWidth={false}
      virtual
    />
  );
}
