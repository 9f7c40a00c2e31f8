import { describe, expect, it } from 'vitest';
import { toSearchText } from './search-text.ts';

describe('toSearchText', () => {
  it('drops Vietnamese diacritics and case, đ included', () => {
    expect(toSearchText('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(toSearchText('ĐẶNG THỊ HƯỜNG')).toBe('dang thi huong');
    expect(toSearchText('Sở Tài nguyên và Môi trường')).toBe('so tai nguyen va moi truong');
  });

  it('gives the same text for composed and decomposed input, and is idempotent', () => {
    const composed = 'Phạm Thị Thu Hằng';
    expect(toSearchText(composed.normalize('NFD'))).toBe(toSearchText(composed));
    expect(toSearchText(toSearchText(composed))).toBe(toSearchText(composed));
  });

  it('collapses spaces and makes typographic dashes plain, as unaccent does', () => {
    expect(toSearchText('  Phòng Tài chính – Kế hoạch \n')).toBe('phong tai chinh - ke hoach');
    expect(toSearchText('“Một cửa” ‘liên thông’')).toBe('"mot cua" \'lien thong\'');
  });
});
