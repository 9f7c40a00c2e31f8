import { describe, expect, it } from 'vitest';
import { changedFields, fieldChanges } from './changed-fields.ts';

describe('changedFields', () => {
  it('lists what an audited change touched', () => {
    expect(
      changedFields(
        { rating: 'GOOD', version: 1, unit: 'a' },
        { rating: 'EXCELLENT', version: 2, unit: 'a' },
      ),
    ).toEqual(['rating', 'version']);
    expect(changedFields(null, { name: 'x' })).toEqual(['name']);
  });

  it('reads a list snapshot (a batch of period results) as its changes, not as numbered fields', () => {
    const before = [{ entity: 'Task', id: 't1', value: { actual: 1 } }];
    const after = {
      period: 2,
      reason: 'sửa số liệu',
      changes: [{ entity: 'Task', id: 't1', value: { actual: 3 } }],
    };
    expect(changedFields(before, after)).toEqual(['changes', 'period', 'reason']);
  });
});

describe('fieldChanges', () => {
  it('gives each changed field its value before and after', () => {
    expect(
      fieldChanges(
        { review: 'PENDING', version: 1 },
        { review: 'ACCEPTED', reason: 'Đủ căn cứ', version: 2 },
      ),
    ).toEqual([
      { field: 'reason', before: undefined, after: 'Đủ căn cứ', hadBefore: false, hasAfter: true },
      { field: 'review', before: 'PENDING', after: 'ACCEPTED', hadBefore: true, hasAfter: true },
      { field: 'version', before: 1, after: 2, hadBefore: true, hasAfter: true },
    ]);
  });

  it('tells a field set to nothing from a field the snapshot does not have', () => {
    expect(fieldChanges({ revokedByDecisionId: null }, null)).toEqual([
      { field: 'revokedByDecisionId', before: null, after: undefined, hadBefore: true, hasAfter: false },
    ]);
  });
});
