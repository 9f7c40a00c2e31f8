type NamedUnit = { name: string; parent?: { name: string } | null };

/** "Văn phòng (Sở Nội vụ)": a unit with its parent, so units of the same name are told apart. */
export function unitWithParent(unit: NamedUnit | null | undefined): string {
  if (!unit) return '–';
  return unit.parent ? `${unit.name} (${unit.parent.name})` : unit.name;
}
