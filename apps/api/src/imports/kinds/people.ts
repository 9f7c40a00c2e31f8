import { type Gender, type Prisma, type SensitiveSector, type StaffCategory, toSearchText } from '@cadre/db';
import { categoryLabels, genderLabels, sectorLabels } from '../../exports/labels.ts';
import type { RowError } from '../convert-rows.ts';
import { bool, column, date, enumOf, type ImportKindDefinition, text } from '../import-kind.ts';
import {
  dateKey,
  day,
  findInChunks,
  flag,
  insertAll,
  markFileDuplicates,
  resolveUnits,
  str,
  unknownUnit,
} from '../prepare-import.ts';

/** People, each in a unit of the uploader's scope; a code already recorded is refused. */
export const peopleImport: ImportKindDefinition = {
  kind: 'PEOPLE',
  slug: 'people',
  title: 'Cán bộ, công chức, viên chức',
  needsCycle: false,
  columns: [
    column('code', 'Mã cán bộ', text(50), 'CB0001', true),
    column('fullName', 'Họ và tên', text(200), 'Nguyễn Thị Lan', true),
    column('unitCode', 'Mã đơn vị', text(50), 'SNV-P1', true),
    column('category', 'Loại cán bộ', enumOf(categoryLabels), 'Công chức', true),
    column('gender', 'Giới tính', enumOf(genderLabels), 'Nữ'),
    column('birthDate', 'Ngày sinh', date, '15/08/1985'),
    column('email', 'Thư điện tử', text(200), 'lan.nt@example.gov.vn'),
    column('positionTitle', 'Chức vụ', text(200), 'Chuyên viên'),
    column('hiredOn', 'Ngày tuyển dụng', date, '01/03/2015', true),
    column('retirementOn', 'Ngày nghỉ hưu', date, '30/06/2045'),
    column('leadsUnitCode', 'Mã đơn vị lãnh đạo', text(50), ''),
    column('sensitiveSector', 'Lĩnh vực nhạy cảm', enumOf(sectorLabels), ''),
    column('sensitiveSince', 'Giữ vị trí nhạy cảm từ ngày', date, ''),
    column('citizenFacing', 'Tiếp xúc trực tiếp người dân', bool, 'Có'),
    column('dossierHandler', 'Giải quyết hồ sơ thủ tục hành chính', bool, 'Không'),
  ],
  async prepare(options) {
    const { rows, prisma, chunkSize } = options;
    const errors: RowError[] = [];
    const repeated = markFileDuplicates(
      rows,
      (row) => str(row.values.code) ?? '',
      'Mã cán bộ',
      (row) => str(row.values.code) ?? '',
      errors,
    );
    const existing = new Set(
      (
        await findInChunks(
          rows.map((row) => str(row.values.code) ?? ''),
          (codes) => prisma.person.findMany({ where: { code: { in: codes } }, select: { code: true } }),
        )
      ).map((person) => person.code),
    );
    const units = await resolveUnits(options, [
      ...rows.map((row) => str(row.values.unitCode) ?? ''),
      ...rows.map((row) => str(row.values.leadsUnitCode)).filter((code) => code !== null),
    ]);
    const data: Prisma.PersonCreateManyInput[] = [];
    for (const row of rows) {
      const values = row.values;
      const code = str(values.code) ?? '';
      let ok = true;
      if (existing.has(code)) {
        ok = false;
        errors.push({
          row: row.row,
          field: 'Mã cán bộ',
          value: code,
          message: `Mã cán bộ "${code}" đã tồn tại / person code already exists`,
        });
      }
      const unitCode = str(values.unitCode) ?? '';
      const unit = units.get(unitCode);
      if (!unit?.inScope) {
        ok = false;
        errors.push(unknownUnit(row.row, 'Mã đơn vị', unitCode));
      }
      const leadsCode = str(values.leadsUnitCode);
      const leads = leadsCode === null ? null : units.get(leadsCode);
      if (leadsCode !== null && !leads?.inScope) {
        ok = false;
        errors.push(unknownUnit(row.row, 'Mã đơn vị lãnh đạo', leadsCode));
      }
      const hiredOn = day(values.hiredOn);
      const retirementOn = day(values.retirementOn);
      if (hiredOn && retirementOn && retirementOn <= hiredOn) {
        ok = false;
        errors.push({
          row: row.row,
          field: 'Ngày nghỉ hưu',
          value: dateKey(retirementOn),
          message: 'Ngày nghỉ hưu phải sau ngày tuyển dụng / retirement must come after hiring',
        });
      }
      if (!ok || !unit || !hiredOn || repeated.has(row.row)) continue;
      const fullName = str(values.fullName) ?? '';
      data.push({
        code,
        fullName,
        searchName: toSearchText(fullName),
        unitId: unit.id,
        category: values.category as StaffCategory,
        gender: (str(values.gender) as Gender | null) ?? null,
        birthDate: day(values.birthDate),
        email: str(values.email),
        positionTitle: str(values.positionTitle),
        hiredOn,
        retirementOn,
        leadsUnitId: leads?.id ?? null,
        sensitiveSector: (str(values.sensitiveSector) as SensitiveSector | null) ?? null,
        sensitiveSince: day(values.sensitiveSince),
        citizenFacing: flag(values.citizenFacing) ?? false,
        dossierHandler: flag(values.dossierHandler) ?? false,
      });
    }
    return { errors, write: (tx) => insertAll(tx, 'Person', data, chunkSize) };
  },
};
