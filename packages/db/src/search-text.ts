/**
 * The searchable form of a name: lower case, Vietnamese diacritics removed (đ → d), spaces collapsed.
 * Person.searchName and Unit.searchName hold it; search input goes through it too, so
 * "nguyen van an", "Nguyễn Văn An" and "NGUYEN  VĂN AN" all find the same person.
 */
export function toSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
