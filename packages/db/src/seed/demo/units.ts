// Emulation blocks, the unit tree and the 1 July 2025 reorganisation (which units succeeded which).
import type { Prisma } from '../../generated/prisma/client.ts';
import { toSearchText } from '../../search-text.ts';
import type { UnitSpec } from '../demo-province.ts';
import { emulationBlocks, provinceTree, reorganisationDecision, twoLevelFrom } from '../demo-province.ts';
import type { Draw, UnitNode, UnitTree } from './shared.ts';

export type DemoUnits = {
  tree: UnitTree;
  blocks: Prisma.EmulationBlockCreateManyInput[];
  units: (Prisma.UnitCreateManyInput & { id: string })[];
  successions: Prisma.UnitSuccessionCreateManyInput[];
};

export function buildUnits({ newId }: Draw): DemoUnits {
  const blocks = emulationBlocks.map((b) => ({ id: newId(), code: b.code, name: b.name }));
  const blockIds = new Map<string, string>(blocks.map((b) => [b.code, b.id]));
  const nodes: UnitNode[] = [];
  const walk = (spec: UnitSpec, parent: UnitNode | null, agencyCode: string) => {
    const node: UnitNode = { id: newId(), spec, parent, agencyCode };
    nodes.push(node);
    for (const child of spec.children ?? []) {
      walk(child, node, spec.kind === 'PROVINCE' ? (child.code.split('.')[1] ?? 'UBND') : agencyCode);
    }
  };
  walk(provinceTree, null, 'UBND');
  const units = nodes.map((n) => ({
    id: n.id,
    code: n.spec.code,
    name: n.spec.name,
    searchName: toSearchText(n.spec.name),
    kind: n.spec.kind,
    parentId: n.parent?.id ?? null,
    blockId: n.spec.block ? (blockIds.get(n.spec.block) ?? null) : null,
    active: n.spec.validTo === undefined,
    validFrom: n.spec.validFrom ? new Date(n.spec.validFrom) : null,
    validTo: n.spec.validTo ? new Date(n.spec.validTo) : null,
  }));
  const unitByCode = new Map(nodes.map((n) => [n.spec.code, n]));
  const unitNamed = (code: string): UnitNode => {
    const found = unitByCode.get(code);
    if (!found) throw new Error(`demo unit ${code} missing`);
    return found;
  };
  const successions = nodes.flatMap((n) =>
    (n.spec.predecessors ?? []).map((code) => ({
      id: newId(),
      predecessorId: unitNamed(code).id,
      successorId: n.id,
      // a district was split among the new communes; communes were merged into them
      kind: unitNamed(code).spec.kind === 'DISTRICT' || code.split('.').length > 3 ? 'SPLIT' : 'MERGER',
      effectiveOn: new Date(twoLevelFrom),
      decisionNumber: reorganisationDecision,
    })),
  ) satisfies Prisma.UnitSuccessionCreateManyInput[];
  return { tree: { nodes, root: unitNamed('HA'), unitNamed }, blocks, units, successions };
}
