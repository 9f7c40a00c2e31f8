import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields.ts';

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
});
