// The province's people: for each unit its head, deputies and staff, with names, ages, dates of
// hire and retirement, positions, sensitive posts and how well each works this year (their tier).
import { day, makePersonName } from '@cadre/fixtures';
import type { Gender } from '../../generated/prisma/enums.ts';
import { toSearchText } from '../../search-text.ts';
import type { Position, StaffProfile } from '../demo-province.ts';
import { emailDomain, positions } from '../demo-province.ts';
import { deputyCount, leaderCategory, leaderTitles } from './leaders.ts';
import type { Draw, PersonDraft, Role3, Staff, UnitTree } from './shared.ts';
import { dateInYear, maxDate, minDate, year } from './shared.ts';

/**
 * A fictional but well-formed số định danh cá nhân (Thông tư 59/2021/TT-BCA): 3 digits of the
 * province of birth, 1 of century and sex, 2 of the year of birth, 6 of sequence (unique here).
 */
function personalIdOf(personNumber: number, gender: Gender, birthDate: Date): string {
  const birthYear = birthDate.getUTCFullYear();
  const centurySex = (birthYear >= 2000 ? 2 : 0) + (gender === 'FEMALE' ? 1 : 0);
  const sequence = (personNumber * 7919 + 104_729) % 1_000_000;
  return `045${centurySex}${String(birthYear % 100).padStart(2, '0')}${String(sequence).padStart(6, '0')}`;
}

export function buildPeople({ random, newId }: Draw, tree: UnitTree, sizes: Map<string, number>): Staff {
  const { nodes, unitNamed } = tree;
  const drafts: PersonDraft[] = [];
  const emails = new Set<string>();
  let personNumber = 0;
  for (const unit of nodes) {
    const size = sizes.get(unit.id) ?? 0;
    const deputies = deputyCount(unit.spec, size);
    const [headTitle, deputyTitle] = leaderTitles(unit.spec);
    const staffPositions =
      unit.spec.profile === 'leadership' ? positions.office : positions[unit.spec.profile];
    for (let i = 0; i < size; i++) {
      const role: Role3 = i === 0 ? 'head' : i <= deputies ? 'deputy' : 'staff';
      const gender: Gender = random.chance(role === 'staff' ? 0.46 : 0.7) ? 'MALE' : 'FEMALE';
      const name = makePersonName(random, gender);
      const age =
        role === 'head' ? random.int(44, 58) : role === 'deputy' ? random.int(38, 56) : random.int(23, 58);
      const birthYear = year - age;
      const birthDate = dateInYear(random, birthYear);
      const retirementOn = new Date(
        Date.UTC(birthYear + (gender === 'MALE' ? 62 : 60), birthDate.getUTCMonth() + 1, 1),
      );
      const newcomer = role === 'staff' && random.chance(0.015);
      const hiredOn = newcomer
        ? random.dateBetween(day(year, 2, 1), day(year, 10, 1))
        : minDate(
            random.dateBetween(day(birthYear + 22, 1, 1), day(birthYear + 30, 12, 31)),
            day(year - 1, 12, 1),
          );
      const position: Position =
        role === 'staff'
          ? random.weighted(staffPositions.map((p) => [p, p.weight] as const))
          : {
              title: role === 'head' ? headTitle : deputyTitle,
              weight: 1,
              category: leaderCategory(unit.spec),
            };
      const headSector =
        role === 'head' && unit.spec.kind === 'DIVISION'
          ? positions[unit.spec.profile as Exclude<StaffProfile, 'leadership'>]?.[0]?.sector
          : undefined;
      const sector = position.sector ?? (headSector && random.chance(0.6) ? headSector : undefined);
      const sensitive = sector !== undefined && random.chance(role === 'staff' ? 0.85 : 1);
      const sensitiveSince = sensitive
        ? random.dateBetween(maxDate(hiredOn, day(2017, 1, 1)), maxDate(hiredOn, day(year, 6, 30)))
        : null;
      personNumber++;
      const code = `HA${String(personNumber).padStart(5, '0')}`;
      const initials = toSearchText(`${name.family} ${name.middle}`)
        .split(' ')
        .map((part) => part[0])
        .join('');
      let email: string | null = `${toSearchText(name.given)}.${initials}@${emailDomain}`;
      for (let n = 2; emails.has(email); n++)
        email = `${toSearchText(name.given)}.${initials}${n}@${emailDomain}`;
      emails.add(email);
      if (random.chance(0.08)) email = null;
      drafts.push({
        row: {
          id: newId(),
          code,
          fullName: name.full,
          searchName: toSearchText(name.full),
          gender,
          birthDate,
          email,
          unitId: unit.id,
          category: position.category ?? 'CONG_CHUC',
          positionTitle: position.title,
          leadsUnitId: role === 'head' ? unit.id : null,
          hiredOn,
          retirementOn,
          sensitiveSector: sensitive && sector ? sector : null,
          sensitiveSince,
          citizenFacing: Boolean(position.citizenFacing) && random.chance(0.92),
          dossierHandler: Boolean(position.dossierHandler) && random.chance(0.92),
          personalId: personalIdOf(personNumber, gender, birthDate),
        },
        unit,
        role,
        tier:
          role === 'staff'
            ? random.weighted([
                ['strong', 15],
                ['normal', 73],
                ['weak', 9],
                ['poor', 3],
              ] as const)
            : random.weighted([
                ['strong', 25],
                ['normal', 70],
                ['weak', 5],
              ] as const),
        gender,
        given: name.given,
      });
    }
  }
  const headOf = (code: string): PersonDraft => {
    const unit = unitNamed(code);
    const head = drafts.find((d) => d.unit === unit && d.role === 'head');
    if (!head) throw new Error(`unit ${code} has no head`);
    return head;
  };
  const deputiesOf = (code: string) =>
    drafts.filter((d) => d.unit === unitNamed(code) && d.role === 'deputy');

  return { drafts, headOf, deputiesOf };
}
