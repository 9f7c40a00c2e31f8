// Leaders of a unit: their titles, how many deputies a unit of a given size has, and the staff
// category of its leaders.
import type { StaffCategory } from '../../generated/prisma/enums.ts';
import type { UnitSpec } from '../demo-province.ts';

export function leaderTitles(unit: UnitSpec): [string, string] {
  const name = unit.name;
  switch (unit.kind) {
    case 'PROVINCE':
      return ['Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh'];
    case 'DISTRICT': {
      const level = name.includes('thành phố') ? 'thành phố' : 'huyện';
      return [`Chủ tịch UBND ${level}`, `Phó Chủ tịch UBND ${level}`];
    }
    case 'COMMUNE': {
      const level = name.includes('phường') ? 'phường' : name.includes('thị trấn') ? 'thị trấn' : 'xã';
      return [`Chủ tịch UBND ${level}`, `Phó Chủ tịch UBND ${level}`];
    }
    case 'WARD':
      return ['Chủ tịch UBND phường', 'Phó Chủ tịch UBND phường'];
    case 'SPECIAL_ZONE':
      return ['Chủ tịch UBND đặc khu', 'Phó Chủ tịch UBND đặc khu'];
    case 'DEPARTMENT':
      if (name.startsWith('Văn phòng')) return ['Chánh Văn phòng', 'Phó Chánh Văn phòng'];
      if (name.startsWith('Thanh tra')) return ['Chánh Thanh tra tỉnh', 'Phó Chánh Thanh tra tỉnh'];
      return ['Giám đốc Sở', 'Phó Giám đốc Sở'];
    case 'CENTER':
      if (name.startsWith('Bộ phận')) return ['Trưởng Bộ phận Một cửa', 'Phó Trưởng Bộ phận Một cửa'];
      if (name.startsWith('Trung tâm Phục vụ hành chính công') && !name.endsWith('tỉnh'))
        return ['Giám đốc Trung tâm', 'Phó Giám đốc Trung tâm'];
      return ['Giám đốc', 'Phó Giám đốc'];
    default:
      if (name.startsWith('Văn phòng')) return ['Chánh Văn phòng', 'Phó Chánh Văn phòng'];
      if (name.startsWith('Ban')) return ['Trưởng ban', 'Phó Trưởng ban'];
      if (name.startsWith('Thanh tra')) return ['Chánh Thanh tra Sở', 'Phó Chánh Thanh tra Sở'];
      return ['Trưởng phòng', 'Phó Trưởng phòng'];
  }
}

export function deputyCount(unit: UnitSpec, size: number): number {
  switch (unit.kind) {
    case 'PROVINCE':
      return Math.min(3, size - 1);
    case 'DEPARTMENT':
      return size - 1;
    case 'DISTRICT':
    case 'COMMUNE':
    case 'WARD':
    case 'SPECIAL_ZONE':
      return Math.min(2, size - 1);
    case 'CENTER':
      return size >= 12 ? 2 : 1;
    default:
      return size >= 5 ? 1 : 0;
  }
}

export function leaderCategory(unit: UnitSpec): StaffCategory {
  if (['PROVINCE', 'DISTRICT', 'COMMUNE', 'WARD', 'SPECIAL_ZONE'].includes(unit.kind)) return 'CAN_BO';
  if (unit.profile === 'land-registry' || unit.profile === 'disease-control') return 'VIEN_CHUC';
  return 'CONG_CHUC';
}
