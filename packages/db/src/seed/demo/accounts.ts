// The accounts of shared/contract/API.md (admin, officer, head, council, staff), the head of the
// calibration unit, and the province's council of seven with an account each.
import { day } from '@cadre/fixtures';
import { type Algorithm, hash } from '@node-rs/argon2';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Role } from '../../generated/prisma/enums.ts';
import { provinceName } from '../demo-province.ts';
import type { Draw, PersonDraft, Staff, UnitNode, UnitTree } from './shared.ts';
import { uniformAssessmentUnit, year } from './shared.ts';

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read) */
const argon2id = 2 as Algorithm;

export type DemoAccounts = {
  users: Prisma.UserCreateManyInput[];
  council: Prisma.CouncilCreateManyInput;
  councilMembers: Prisma.CouncilMemberCreateManyInput[];
  userId(username: string): string | null;
  /** the department of the `head` account */
  headDepartment: UnitNode;
  headPerson: PersonDraft;
  staffPerson: PersonDraft;
  officerPerson: PersonDraft;
  /** the people of the council's seats */
  councilPeople: PersonDraft[];
};

export async function buildAccounts(
  { newId }: Draw,
  { root, unitNamed }: UnitTree,
  { drafts, headOf, deputiesOf }: Staff,
  password: string,
): Promise<DemoAccounts> {
  const headDepartment = unitNamed('HA.STNMT');
  const headPerson = headOf('HA.STNMT');
  const staffPerson =
    drafts.find(
      (d) =>
        d.unit.spec.code === 'HA.STNMT.DD' &&
        d.role === 'staff' &&
        d.row.category === 'CONG_CHUC' &&
        d.row.hiredOn < day(year - 3, 1, 1),
    ) ?? drafts.find((d) => d.unit.spec.code === 'HA.STNMT.DD' && d.role === 'staff');
  const officerPerson = drafts.find((d) => d.unit.spec.code === 'HA.SNV.CCVC' && d.role === 'staff');
  const councilDeputy = deputiesOf('HA')[0];
  if (!staffPerson || !officerPerson || !councilDeputy)
    throw new Error('demo province too small for the accounts');
  staffPerson.tier = 'normal';

  const passwordHash = () =>
    hash(password, { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  type AccountSpec = {
    username: string;
    displayName: string;
    role: Role;
    scope: UnitNode;
    person: PersonDraft | null;
  };
  const accounts: AccountSpec[] = [
    { username: 'admin', displayName: 'Quản trị hệ thống', role: 'ADMIN', scope: root, person: null },
    {
      username: 'officer',
      displayName: officerPerson.row.fullName,
      role: 'OFFICER',
      scope: root,
      person: officerPerson,
    },
    {
      username: 'head',
      displayName: headPerson.row.fullName,
      role: 'UNIT_HEAD',
      scope: headDepartment,
      person: headPerson,
    },
    {
      username: 'council',
      displayName: councilDeputy.row.fullName,
      role: 'COUNCIL_MEMBER',
      scope: root,
      person: councilDeputy,
    },
    {
      username: 'staff',
      displayName: staffPerson.row.fullName,
      role: 'STAFF',
      scope: staffPerson.unit,
      person: staffPerson,
    },
  ];
  const councilSeats: {
    username: string;
    person: PersonDraft;
    role: 'CHAIR' | 'VICE_CHAIR' | 'SECRETARY' | 'MEMBER';
  }[] = [
    { username: 'hdtd.chutich', person: headOf('HA'), role: 'CHAIR' },
    { username: 'hdtd.phochutich', person: headOf('HA.SNV'), role: 'VICE_CHAIR' },
    { username: 'hdtd.thuky', person: headOf('HA.SNV.TDKT'), role: 'SECRETARY' },
    { username: 'council', person: councilDeputy, role: 'MEMBER' },
    { username: 'hdtd.uyvien1', person: headOf('HA.STC'), role: 'MEMBER' },
    { username: 'hdtd.uyvien2', person: headOf('HA.TTT'), role: 'MEMBER' },
    { username: 'hdtd.uyvien3', person: headOf('HA.STP'), role: 'MEMBER' },
  ];
  accounts.push({
    username: 'truongphong.hctp',
    displayName: headOf(uniformAssessmentUnit).row.fullName,
    role: 'UNIT_HEAD',
    scope: unitNamed(uniformAssessmentUnit),
    person: headOf(uniformAssessmentUnit),
  });
  for (const seat of councilSeats) {
    if (seat.username === 'council') continue;
    accounts.push({
      username: seat.username,
      displayName: seat.person.row.fullName,
      role: 'COUNCIL_MEMBER',
      scope: root,
      person: seat.person,
    });
  }
  const hashes = await Promise.all(accounts.map(() => passwordHash()));
  const userIds = new Map<string, string>();
  const users = accounts.map((account, i) => {
    const id = newId();
    userIds.set(account.username, id);
    return {
      id,
      username: account.username,
      displayName: account.displayName,
      passwordHash: hashes[i] ?? '',
      role: account.role,
      scopeUnitId: account.scope.id,
      personId: account.person?.row.id ?? null,
      passwordChangedAt: new Date(Date.UTC(year, 0, 2)),
    };
  });
  const userId = (username: string) => userIds.get(username) ?? null;
  const council = {
    id: newId(),
    name: `Hội đồng Thi đua – Khen thưởng tỉnh ${provinceName}`,
    scopeUnitId: root.id,
  };
  const councilMembers = councilSeats.map((seat) => ({
    id: newId(),
    councilId: council.id,
    userId: userId(seat.username) ?? '',
    role: seat.role,
  }));

  return {
    users,
    council,
    councilMembers,
    userId,
    headDepartment,
    headPerson,
    staffPerson,
    officerPerson,
    councilPeople: councilSeats.map((s) => s.person),
  };
}
