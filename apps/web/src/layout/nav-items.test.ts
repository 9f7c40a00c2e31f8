import { describe, expect, it } from 'vitest';
import { homePathFor, navItemsFor } from './nav-items.ts';

describe('role menus', () => {
  it('gives staff only their own result and their own period scores', () => {
    expect(navItemsFor('STAFF').map((item) => item.path)).toEqual(['/my-result', '/my-periods']);
    expect(homePathFor('STAFF')).toBe('/my-result');
  });

  it('keeps accounts for administrators and the audit log for administrators and officers', () => {
    for (const role of ['OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER', 'STAFF'] as const) {
      expect(navItemsFor(role).map((item) => item.path)).not.toContain('/accounts');
    }
    expect(navItemsFor('ADMIN').map((item) => item.path)).toContain('/accounts');
    expect(navItemsFor('OFFICER').map((item) => item.path)).toContain('/audit');
    expect(navItemsFor('UNIT_HEAD').map((item) => item.path)).not.toContain('/audit');
  });

  it('offers the units page to administrators and officers only', () => {
    expect(navItemsFor('ADMIN').map((item) => item.path)).toContain('/units');
    expect(navItemsFor('OFFICER').map((item) => item.path)).toContain('/units');
    for (const role of ['UNIT_HEAD', 'COUNCIL_MEMBER', 'STAFF'] as const) {
      expect(navItemsFor(role).map((item) => item.path)).not.toContain('/units');
    }
  });
});
