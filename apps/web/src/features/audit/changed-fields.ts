type Snapshot = Record<string, unknown>;

/**
 * An audit entry's before/after as fields. A row is its own fields; a list (a batch of changes, as
 * a period's results write it) is one field, `changes`, as the matching after calls it.
 */
function asFields(snapshot: unknown): Snapshot {
  if (Array.isArray(snapshot)) return { changes: snapshot };
  return snapshot && typeof snapshot === 'object' ? (snapshot as Snapshot) : {};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The top-level fields whose value differs between two JSON snapshots (an audit entry's before/after). */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = asFields(before);
  const b = asFields(after);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !same(a[key], b[key])).sort();
}

export type FieldChange = {
  field: string;
  before: unknown;
  after: unknown;
  /** the field is in the before snapshot (an update or a deletion), not only in the after */
  hadBefore: boolean;
  /** the field is in the after snapshot (a creation or an update), not only in the before */
  hasAfter: boolean;
};

/** Each changed field with its value before and after, in the order of `changedFields`. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = asFields(before);
  const b = asFields(after);
  return changedFields(before, after).map((field) => ({
    field,
    before: a[field],
    after: b[field],
    hadBefore: field in a,
    hasAfter: field in b,
  }));
}
