import { type Database, type Role, toSearchText } from '@cadre/db';
import { hashPassword } from '../auth/password.ts';

export const fixturePassword = 'correct horse battery';

export type Fixture = {
  units: { province: string; dept1: string; dept1a: string; dept2: string };
  people: { an: string; binh: string; cuong: string; dung: string; em: string };
  users: Record<'admin' | 'officer' | 'head' | 'council' | 'staff', string>;
};

/**
 * A tiny province: Sở A (with Phòng A1 under it) and Sở B. An heads Sở A; Bình works in Phòng A1;
 * Cường and Dung work in Sở B; Em in Sở A. Accounts: admin, officer (province), head (Sở A),
 * council (council of the province), staff (Bình).
 */
export async function seedFixture(db: Database): Promise<Fixture> {
  const { prisma } = db;
  const unit = (
    code: string,
    name: string,
    kind: 'PROVINCE' | 'DEPARTMENT' | 'DIVISION',
    parentId: string | null,
  ) => prisma.unit.create({ data: { code, name, searchName: toSearchText(name), kind, parentId } });
  const province = await unit('T', 'UBND tỉnh Thử Nghiệm', 'PROVINCE', null);
  const dept1 = await unit('SA', 'Sở A', 'DEPARTMENT', province.id);
  const dept1a = await unit('SA1', 'Phòng A1', 'DIVISION', dept1.id);
  const dept2 = await unit('SB', 'Sở B', 'DEPARTMENT', province.id);

  const person = (code: string, fullName: string, unitId: string, extra: { leadsUnitId?: string } = {}) =>
    prisma.person.create({
      data: {
        code,
        fullName,
        searchName: toSearchText(fullName),
        unitId,
        category: 'CONG_CHUC',
        hiredOn: new Date('2015-03-01'),
        ...extra,
      },
    });
  const an = await person('P1', 'Nguyễn Văn An', dept1.id, { leadsUnitId: dept1.id });
  const binh = await person('P2', 'Trần Thị Bình', dept1a.id);
  const cuong = await person('P3', 'Lê Văn Cường', dept2.id);
  const dung = await person('P4', 'Phạm Thị Dung', dept2.id);
  const em = await person('P5', 'Nguyễn Văn Em', dept1.id);

  const passwordHash = await hashPassword(fixturePassword);
  const user = (username: string, role: Role, scopeUnitId: string | null, personId: string | null = null) =>
    prisma.user.create({
      data: { username, displayName: username, passwordHash, role, scopeUnitId, personId },
    });
  const admin = await user('admin', 'ADMIN', null);
  const officer = await user('officer', 'OFFICER', province.id);
  const head = await user('head', 'UNIT_HEAD', dept1.id, an.id);
  const council = await user('council', 'COUNCIL_MEMBER', null);
  const staff = await user('staff', 'STAFF', null, binh.id);
  const board = await prisma.council.create({
    data: { name: 'Hội đồng TĐKT tỉnh', scopeUnitId: province.id },
  });
  await prisma.councilMember.create({ data: { councilId: board.id, userId: council.id, role: 'MEMBER' } });

  return {
    units: { province: province.id, dept1: dept1.id, dept1a: dept1a.id, dept2: dept2.id },
    people: { an: an.id, binh: binh.id, cuong: cuong.id, dung: dung.id, em: em.id },
    users: { admin: admin.id, officer: officer.id, head: head.id, council: council.id, staff: staff.id },
  };
}
