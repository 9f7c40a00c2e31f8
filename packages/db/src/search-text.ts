/**
 * The searchable form of a name: lower case, Vietnamese diacritics removed (đ → d), typographic
 * dashes and quotes made plain, spaces collapsed — the same result as PostgreSQL's
 * lower(unaccent(name)) for Vietnamese text. Person.searchName and Unit.searchName hold it;
 * search input goes through it too, so "nguyen van an", "Nguyễn Văn An" and "NGUYỄN  VĂN AN"
 * all find the same person.
 */
export function toSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
