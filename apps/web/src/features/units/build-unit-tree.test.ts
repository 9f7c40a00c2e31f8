import { describe, expect, it } from 'vitest';
import { buildUnitTree } from './build-unit-tree.ts';

describe('buildUnitTree', () => {
  it('nests units under their parents and keeps orphans (parent out of scope) as roots', () => {
    const tree = buildUnitTree([
      { id: 'a', name: 'Sở Nội vụ', parent: { id: 'root-out-of-scope' } },
      { id: 'b', name: 'Phòng Tổ chức', parent: { id: 'a' } },
      { id: 'c', name: 'Phòng CCHC', parent: { id: 'a' } },
      { id: 'd', name: 'UBND xã', parent: null },
    ]);
    expect(tree.map((n) => n.value)).toEqual(['a', 'd']);
    expect(tree[0]?.children.map((n) => n.title)).toEqual(['Phòng Tổ chức', 'Phòng CCHC']);
  });
});
