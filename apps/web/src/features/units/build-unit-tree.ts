type UnitRow = { id: string; name: string; parent: { id: string } | null };
export type UnitTreeNode = { value: string; title: string; key: string; children: UnitTreeNode[] };

/** The flat list of visible units as a tree; a unit whose parent is out of scope becomes a root. */
export function buildUnitTree(units: readonly UnitRow[]): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  for (const unit of units)
    nodes.set(unit.id, { value: unit.id, key: unit.id, title: unit.name, children: [] });
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id);
    if (!node) continue;
    const parent = unit.parent ? nodes.get(unit.parent.id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
