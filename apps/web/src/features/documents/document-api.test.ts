import { describe, expect, it } from 'vitest';
import { navItemsFor } from '../../layout/nav-items.ts';
import { fileNameOf } from './document-api.ts';

describe('the documents screen', () => {
  it('is in the menu of administrators and personnel officers only', () => {
    for (const role of ['ADMIN', 'OFFICER'] as const) {
      expect(navItemsFor(role).map((item) => item.path)).toContain('/documents');
    }
    for (const role of ['UNIT_HEAD', 'COUNCIL_MEMBER', 'STAFF'] as const) {
      expect(navItemsFor(role).map((item) => item.path)).not.toContain('/documents');
    }
  });

  it('saves a national export under the Vietnamese name the API gives', () => {
    const header = `attachment; filename="csdl-quoc-gia_2026.json"; filename*=UTF-8''${encodeURIComponent('csdl-quốc-gia 2026.json')}`;
    expect(fileNameOf(header)).toBe('csdl-quốc-gia 2026.json');
    expect(fileNameOf('attachment; filename="a.xml"')).toBe('a.xml');
    expect(fileNameOf(null)).toBeNull();
  });
});
