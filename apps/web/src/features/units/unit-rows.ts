import { foldDiacritics } from '../../lib/format.ts';

/** What the tree needs of a unit: its place (parent) and what the search reads (name, code). */
export type TreeUnit = {
  id: string;
  code: string;
  name: string;
  validTo?: string | null;
  parent: { id: string } | null;
};

export type UnitRow<U extends TreeUnit> = {
  key: string;
  unit: U;
  /** a search matched this unit itself (not only one below it) */
  matched: boolean;
  children?: UnitRow<U>[];
};

/** Closed by a merger or split (the 2025 reorganisation): it has a last day in force. */
export function isClosed(unit: { validTo?: string | null }): boolean {
  return Boolean(unit.validTo);
}

/** The search as the tree compares it: no diacritics, lower case, đ as d, spaces collapsed. */
export function foldSearch(text: string | null | undefined): string {
  return foldDiacritics(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function unitMatches(unit: TreeUnit, folded: string): boolean {
  if (!folded) return true;
  return foldSearch(unit.name).includes(folded) || foldSearch(unit.code).includes(folded);
}

/**
 * The flat list of units as tree rows. Closed units are left out unless asked for; a unit whose
 * parent is hidden or out of scope hangs under its nearest shown ancestor (or becomes a root).
 * With a search, only the matching units and the chain above them stay, and `expanded` opens that
 * chain so every match is in sight.
 */
export function buildUnitRows<U extends TreeUnit>(
  units: readonly U[],
  options: { search?: string; showClosed: boolean },
): { rows: UnitRow<U>[]; expanded: string[]; matches: number } {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const shown = units.filter((unit) => options.showClosed || !isClosed(unit));
  const shownIds = new Set(shown.map((unit) => unit.id));
  const shownParent = (unit: U): string | null => {
    const seen = new Set<string>([unit.id]);
    let parentId = unit.parent?.id ?? null;
    while (parentId && !shownIds.has(parentId)) {
      if (seen.has(parentId)) return null;
      seen.add(parentId);
      parentId = byId.get(parentId)?.parent?.id ?? null;
    }
    return parentId;
  };
  const parentOf = new Map(shown.map((unit) => [unit.id, shownParent(unit)]));

  const folded = foldSearch(options.search);
  const matched = new Set(shown.filter((unit) => folded && unitMatches(unit, folded)).map((unit) => unit.id));
  // the matches and every unit above them
  const kept = new Set<string>();
  const expanded = new Set<string>();
  if (folded) {
    for (const id of matched) {
      kept.add(id);
      let parentId = parentOf.get(id) ?? null;
      // a chain already opened from another match is opened to the top
      while (parentId && !expanded.has(parentId)) {
        kept.add(parentId);
        expanded.add(parentId);
        parentId = parentOf.get(parentId) ?? null;
      }
    }
  }

  const rows = new Map<string, UnitRow<U>>();
  for (const unit of shown) {
    if (folded && !kept.has(unit.id)) continue;
    rows.set(unit.id, { key: unit.id, unit, matched: matched.has(unit.id) });
  }
  const roots: UnitRow<U>[] = [];
  for (const row of rows.values()) {
    const parentId = parentOf.get(row.key);
    const parent = parentId ? rows.get(parentId) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(row);
    } else roots.push(row);
  }
  return { rows: roots, expanded: [...expanded], matches: matched.size };
}

/** The ids above a unit (nearest first), so a unit chosen from the address can be opened to. */
export function ancestorIds(units: readonly TreeUnit[], id: string): string[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const chain: string[] = [];
  let parentId = byId.get(id)?.parent?.id;
  while (parentId && !chain.includes(parentId)) {
    chain.push(parentId);
    parentId = byId.get(parentId)?.parent?.id;
  }
  return chain;
}
