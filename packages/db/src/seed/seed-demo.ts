// The demo province: about 600 people in 79 units with three years of rating history and a
// full year (2026) of evidence, plus the demo accounts of shared/contract/API.md.
// Deterministic: the same seed gives the same units, people, ids and evidence on every run.
import { addDays, createSfc32, createTickIdFactory, day, makePersonName, type Random } from '@cadre/fixtures';
import { type Algorithm, hash } from '@node-rs/argon2';
import type { Database } from '../client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type {
  DisciplineForm,
  Gender,
  InfractionKind,
  InitiativeScope,
  Rating,
  Role,
  StaffCategory,
} from '../generated/prisma/enums.ts';
import { toSearchText } from '../search-text.ts';
import type { Position, StaffProfile, UnitSpec } from './demo-province.ts';
import {
  commonTaskTitles,
  emailDomain,
  emulationBlocks,
  initiativeTitles,
  jobPositionOf,
  jobPositions,
  positions,
  provinceName,
  provinceTree,
  reorganisationDecision,
  taskTitles,
  twoLevelFrom,
} from './demo-province.ts';
import { insertRows } from './insert-rows.ts';

export type SeedDemoOptions = {
  /** password of every demo account (DEMO_PASSWORD, default `demo`) */
  password: string;
  /** generator seed; the same seed gives the same province */
  seed?: number;
  /** number of people, default 600 */
  people?: number;
};

export type SeedSummary = {
  units: number;
  people: number;
  users: number;
  tasks: number;
  ratingHistory: number;
  dossierStats: number;
  citizenVotes: number;
  disciplineDecisions: number;
  infractions: number;
  initiatives: number;
  circumstances: number;
  headAssessments: number;
  selfAssessments: number;
  products: number;
  periodAssessments: number;
  periodClosures: number;
  cycleId: string;
  durationMs: number;
};

export const demoAccounts = ['admin', 'officer', 'head', 'council', 'staff'] as const;
export const demoCycleYear = 2026;

const defaultSeed = 20_261_122;
/** Algorithm.Argon2id (a const enum, which isolated modules cannot read) */
const argon2id = 2 as Algorithm;
const seedLockKey = 72_707_370;
const year = demoCycleYear;
const yearStart = day(year, 1, 1);
const yearEnd = day(year, 12, 31);

type Tier = 'strong' | 'normal' | 'weak' | 'poor';
type Role3 = 'head' | 'deputy' | 'staff';

type UnitNode = {
  id: string;
  spec: UnitSpec;
  parent: UnitNode | null;
  /** the department/district (or province) the unit belongs to: its agency for decision numbers */
  agencyCode: string;
};

type PersonDraft = {
  row: Prisma.PersonCreateManyInput & { id: string; hiredOn: Date; birthDate: Date };
  unit: UnitNode;
  role: Role3;
  tier: Tier;
  gender: Gender;
  given: string;
};

export type DemoData = {
  blocks: Prisma.EmulationBlockCreateManyInput[];
  units: (Prisma.UnitCreateManyInput & { id: string })[];
  people: Prisma.PersonCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  council: Prisma.CouncilCreateManyInput;
  councilMembers: Prisma.CouncilMemberCreateManyInput[];
  history: Prisma.RatingHistoryCreateManyInput[];
  cycle: Prisma.CycleCreateManyInput & { id: string };
  deadlines: Prisma.CycleDeadlineCreateManyInput[];
  transitions: Prisma.CycleTransitionCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  unitStats: Prisma.UnitYearStatCreateManyInput[];
  dossierStats: Prisma.DossierStatCreateManyInput[];
  citizenVotes: Prisma.CitizenVoteCreateManyInput[];
  discipline: Prisma.DisciplineDecisionCreateManyInput[];
  infractions: Prisma.InfractionCreateManyInput[];
  initiatives: Prisma.InitiativeCreateManyInput[];
  circumstances: Prisma.PersonCircumstanceCreateManyInput[];
  headAssessments: Prisma.HeadAssessmentCreateManyInput[];
  selfAssessments: Prisma.SelfAssessmentCreateManyInput[];
  successions: Prisma.UnitSuccessionCreateManyInput[];
  jobPositions: Prisma.JobPositionCreateManyInput[];
  products: Prisma.ProductCreateManyInput[];
  periodAssessments: Prisma.PeriodAssessmentCreateManyInput[];
  periodClosures: Prisma.PeriodClosureCreateManyInput[];
  degenerations: Prisma.DegenerationConclusionCreateManyInput[];
};

/** The unit whose head gave all twelve of their people the same A = 10 (calibration, DOMAIN.md §10). */
export const uniformAssessmentUnit = 'HA.STP.HCTP';
/** The person transferred on 1 July 2026, and the agencies they left and joined. */
export const transfer = { from: 'HA.SXD.QLXD', to: 'HA.STNMT.DD', on: '2026-07-01' } as const;

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

const roman = ['I', 'II', 'III', 'IV'];

function leaderTitles(unit: UnitSpec): [string, string] {
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

function deputyCount(unit: UnitSpec, size: number): number {
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

function leaderCategory(unit: UnitSpec): StaffCategory {
  if (['PROVINCE', 'DISTRICT', 'COMMUNE', 'WARD', 'SPECIAL_ZONE'].includes(unit.kind)) return 'CAN_BO';
  if (unit.profile === 'land-registry' || unit.profile === 'disease-control') return 'VIEN_CHUC';
  return 'CONG_CHUC';
}

function dateInYear(random: Random, y: number, fromMonth = 1, toMonth = 12): Date {
  return random.dateBetween(
    day(y, fromMonth, 1),
    addDays(day(toMonth === 12 ? y + 1 : y, toMonth === 12 ? 1 : toMonth + 1, 1), -1),
  );
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** Builds the whole demo province in memory (no I/O apart from hashing passwords). */
export async function buildDemoData(options: SeedDemoOptions): Promise<DemoData> {
  const seed = options.seed ?? defaultSeed;
  const random = createSfc32(seed);
  const newId = createTickIdFactory(createSfc32(seed ^ 0x5eed));
  const targetPeople = options.people ?? 600;

  // ------------------------------------------------------------ blocks and units
  const blocks = emulationBlocks.map((b) => ({ id: newId(), code: b.code, name: b.name }));
  const blockIds = new Map<string, string>(blocks.map((b) => [b.code, b.id]));
  const nodes: UnitNode[] = [];
  const walk = (spec: UnitSpec, parent: UnitNode | null, agencyCode: string) => {
    const node: UnitNode = { id: newId(), spec, parent, agencyCode };
    nodes.push(node);
    for (const child of spec.children ?? []) {
      walk(child, node, spec.kind === 'PROVINCE' ? (child.code.split('.')[1] ?? 'UBND') : agencyCode);
    }
  };
  walk(provinceTree, null, 'UBND');
  const units = nodes.map((n) => ({
    id: n.id,
    code: n.spec.code,
    name: n.spec.name,
    searchName: toSearchText(n.spec.name),
    kind: n.spec.kind,
    parentId: n.parent?.id ?? null,
    blockId: n.spec.block ? (blockIds.get(n.spec.block) ?? null) : null,
    active: n.spec.validTo === undefined,
    validFrom: n.spec.validFrom ? new Date(n.spec.validFrom) : null,
    validTo: n.spec.validTo ? new Date(n.spec.validTo) : null,
  }));
  const unitByCode = new Map(nodes.map((n) => [n.spec.code, n]));
  const unitNamed = (code: string): UnitNode => {
    const found = unitByCode.get(code);
    if (!found) throw new Error(`demo unit ${code} missing`);
    return found;
  };
  // predecessors of a unit or of its parent: where its people worked before 1 July 2025
  const formerUnits = (unit: UnitNode): UnitNode[] => {
    const own = unit.spec.predecessors ?? [];
    return own.map(unitNamed);
  };

  // ------------------------------------------------------------ unit sizes
  const successions = nodes.flatMap((n) =>
    (n.spec.predecessors ?? []).map((code) => ({
      id: newId(),
      predecessorId: unitNamed(code).id,
      successorId: n.id,
      // a district was split among the new communes; communes were merged into them
      kind: unitNamed(code).spec.kind === 'DISTRICT' || code.split('.').length > 3 ? 'SPLIT' : 'MERGER',
      effectiveOn: new Date(twoLevelFrom),
      decisionNumber: reorganisationDecision,
    })),
  ) satisfies Prisma.UnitSuccessionCreateManyInput[];
  const sizes = new Map(nodes.map((n) => [n.id, n.spec.staff]));
  // the head of this unit assesses exactly twelve people
  sizes.set(unitNamed(uniformAssessmentUnit).id, 13);
  const adjustable = nodes.filter(
    (n) =>
      ['DIVISION', 'CENTER', 'COMMUNE', 'WARD', 'SPECIAL_ZONE'].includes(n.spec.kind) &&
      n.spec.validTo === undefined &&
      n.spec.code !== uniformAssessmentUnit,
  );
  let total = [...sizes.values()].reduce((a, b) => a + b, 0);
  // units shrink to 5 at least: below that floor the loop below would never end
  const shrinkable = new Set(adjustable.map((n) => n.id));
  const floor = nodes.reduce((sum, n) => {
    const size = sizes.get(n.id) ?? 0;
    return sum + (shrinkable.has(n.id) ? Math.min(size, 5) : size);
  }, 0);
  if (targetPeople < floor) {
    throw new Error(`the demo province needs at least ${floor} people (asked for ${targetPeople})`);
  }
  while (total > targetPeople) {
    const unit = random.pick(adjustable);
    const size = sizes.get(unit.id) ?? 0;
    if (size > 5) {
      sizes.set(unit.id, size - 1);
      total--;
    }
  }
  while (total < targetPeople) {
    const unit = random.pick(adjustable);
    sizes.set(unit.id, (sizes.get(unit.id) ?? 0) + 1);
    total++;
  }

  // ------------------------------------------------------------ people
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
  const people = drafts.map((d) => d.row);
  const headOf = (code: string): PersonDraft => {
    const unit = unitNamed(code);
    const head = drafts.find((d) => d.unit === unit && d.role === 'head');
    if (!head) throw new Error(`unit ${code} has no head`);
    return head;
  };
  const deputiesOf = (code: string) =>
    drafts.filter((d) => d.unit === unitNamed(code) && d.role === 'deputy');

  // ------------------------------------------------------------ accounts and council
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
  const root = unitNamed('HA');

  const passwordHash = () =>
    hash(options.password, { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
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

  // people whose story the demo accounts tell: left out of the random misfortunes below
  const reserved = new Set([staffPerson, headPerson, officerPerson, ...councilSeats.map((s) => s.person)]);
  const pickPeople = (
    count: number,
    filter: (d: PersonDraft) => boolean,
    weight: (d: PersonDraft) => number = () => 1,
  ) => {
    const chosen: PersonDraft[] = [];
    const pool = drafts.filter((d) => !reserved.has(d) && filter(d));
    for (let i = 0; i < count && pool.length > 0; i++) {
      const pick = random.weighted(pool.map((d) => [d, weight(d)] as const));
      chosen.push(pick);
      reserved.add(pick);
      pool.splice(pool.indexOf(pick), 1);
    }
    return chosen;
  };
  const badLuck = (d: PersonDraft) => ({ strong: 0.2, normal: 1, weak: 5, poor: 8 })[d.tier];

  // ------------------------------------------------------------ discipline (about 2%)
  const disciplineReasons = [
    'Vi phạm quy định về thời hạn giải quyết hồ sơ thủ tục hành chính',
    'Vi phạm quy tắc ứng xử, văn hóa công sở',
    'Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao',
    'Vi phạm quy định về quản lý tài chính, tài sản công',
    'Gây phiền hà, sách nhiễu người dân khi giải quyết công việc',
  ];
  const disciplinePlan: { form: DisciplineForm; decidedYear: number; actYear: number; counted?: number }[] = [
    { form: 'KHIEN_TRACH', decidedYear: 2026, actYear: 2026 },
    { form: 'CANH_CAO', decidedYear: 2026, actYear: 2026 },
    { form: 'KHIEN_TRACH', decidedYear: 2026, actYear: 2025, counted: 2025 },
    { form: 'KHIEN_TRACH', decidedYear: 2025, actYear: 2025 },
    { form: 'KHIEN_TRACH', decidedYear: 2025, actYear: 2025 },
    { form: 'KHIEN_TRACH', decidedYear: 2025, actYear: 2024 },
    { form: 'CANH_CAO', decidedYear: 2025, actYear: 2025 },
    { form: 'KHIEN_TRACH', decidedYear: 2024, actYear: 2024 },
    { form: 'KHIEN_TRACH', decidedYear: 2024, actYear: 2024 },
    { form: 'HA_BAC_LUONG', decidedYear: 2024, actYear: 2023 },
    { form: 'GIANG_CHUC', decidedYear: 2023, actYear: 2023 },
    { form: 'KHIEN_TRACH', decidedYear: 2023, actYear: 2023 },
    { form: 'KHIEN_TRACH', decidedYear: 2023, actYear: 2023 },
  ];
  const disciplined = pickPeople(
    disciplinePlan.length,
    (d) => d.role === 'staff' && d.row.hiredOn < day(2022, 1, 1),
    badLuck,
  );
  // years in which each person's rating was already pulled down by discipline
  const disciplinedYears = new Map<PersonDraft, Set<number>>();
  const discipline = disciplinePlan.flatMap((plan, i) => {
    const person = disciplined[i];
    if (!person) return [];
    const ratedYear = plan.counted ?? plan.decidedYear;
    const years = disciplinedYears.get(person) ?? new Set<number>();
    years.add(ratedYear);
    disciplinedYears.set(person, years);
    const decidedOn = dateInYear(random, plan.decidedYear, 2, plan.decidedYear === year ? 10 : 11);
    return [
      {
        id: newId(),
        personId: person.row.id,
        form: plan.form,
        number: `${random.int(12, 480)}/QĐ-${person.unit.agencyCode}`,
        decidedOn,
        actYear: plan.actYear,
        concernsDuties: true,
        alreadyCountedInYear: plan.counted ?? null,
        reason: random.pick(disciplineReasons),
      },
    ];
  });

  // ------------------------------------------------------------ rating history 2023–2025
  const history: Prisma.RatingHistoryCreateManyInput[] = [];
  // 2023–2025 were rated in the units of their time: an old district's division or commune
  const formerUnit = new Map<PersonDraft, UnitNode>();
  const formerUnitOf = (person: PersonDraft): UnitNode => {
    let found = formerUnit.get(person);
    if (!found) {
      const former = formerUnits(person.unit).filter(
        (u) => u.spec.kind !== 'DISTRICT' || person.role !== 'staff',
      );
      found = former.length > 0 ? random.pick(former) : person.unit;
      formerUnit.set(person, found);
    }
    return found;
  };
  const ratingWeights: Record<Tier, readonly (readonly [Rating, number])[]> = {
    strong: [
      ['EXCELLENT', 55],
      ['GOOD', 45],
    ],
    normal: [
      ['EXCELLENT', 10],
      ['GOOD', 74],
      ['COMPLETED', 16],
    ],
    weak: [
      ['GOOD', 35],
      ['COMPLETED', 58],
      ['NOT_COMPLETED', 7],
    ],
    poor: [
      ['GOOD', 10],
      ['COMPLETED', 55],
      ['NOT_COMPLETED', 35],
    ],
  };
  const provincialCandidates = pickPeople(
    6,
    (d) => d.tier === 'strong' && d.role !== 'head' && d.row.hiredOn < day(2019, 1, 1),
  );
  const nationalCandidate = provincialCandidates[0];
  for (const person of drafts) {
    for (const y of [2023, 2024, 2025]) {
      if (person.row.hiredOn > day(y, 6, 30)) continue;
      let rating: Rating = random.weighted(ratingWeights[person.tier]);
      const titles: string[] = [];
      if (disciplinedYears.get(person)?.has(y)) rating = 'NOT_COMPLETED';
      if (provincialCandidates.includes(person)) rating = 'EXCELLENT';
      if (rating === 'EXCELLENT' || rating === 'GOOD') titles.push('LDTT');
      if (rating === 'EXCELLENT' && (provincialCandidates.includes(person) || random.chance(0.45))) {
        titles.push('CSTDCS');
      }
      if (person === nationalCandidate && y === 2023) titles.push('CSTD_TINH');
      history.push({
        id: newId(),
        personId: person.row.id,
        year: y,
        rating,
        titles,
        source: 'import',
        unitId: formerUnitOf(person).id,
      });
    }
  }

  // ------------------------------------------------------------ initiatives
  const initiatives: Prisma.InitiativeCreateManyInput[] = [];
  const addInitiative = (
    person: PersonDraft,
    scope: InitiativeScope,
    recognizedOn: Date,
    research = false,
  ) => {
    initiatives.push({
      id: newId(),
      personId: person.row.id,
      kind: research ? 'RESEARCH' : 'INITIATIVE',
      title: random.pick(initiativeTitles),
      scope,
      recognizedOn,
      decisionNumber: `${random.int(100, 2999)}/QĐ-${scope === 'GRASSROOTS' ? person.unit.agencyCode : 'UBND'}`,
    });
  };
  for (const candidate of provincialCandidates) {
    addInitiative(candidate, 'PROVINCE', dateInYear(random, random.pick([2024, 2025]), 3, 11));
  }
  if (nationalCandidate) addInitiative(nationalCandidate, 'NATIONAL', dateInYear(random, 2022, 4, 10));
  for (const person of pickPeople(
    30,
    (d) => d.role !== 'head',
    (d) => ({ strong: 6, normal: 1, weak: 0.2, poor: 0.05 })[d.tier],
  )) {
    const scope: InitiativeScope = random.weighted([
      ['GRASSROOTS', 78],
      ['PROVINCE', 18],
      ['NATIONAL', 4],
    ] as const);
    addInitiative(
      person,
      scope,
      dateInYear(random, random.pick([2024, 2025, 2026, 2026]), 2, 11),
      random.chance(0.15),
    );
  }

  // ------------------------------------------------------------ the 2026 cycle
  const officerId = userId('officer');
  const cycle = {
    id: newId(),
    year,
    name: `Đánh giá, xếp loại chất lượng và thi đua năm ${year}`,
    packId: 'vn-nd335-2025',
    periodKind: 'QUARTER' as const,
    status: 'OPEN' as const,
    scopeUnitId: root.id,
    appealDays: 15,
    createdById: officerId,
  };
  const deadlines = (
    [
      ['OPEN', day(year, 12, 15), 'STAFF'],
      ['ASSESSMENT', day(year, 12, 25), 'UNIT_HEAD'],
      ['REVIEW', day(year + 1, 1, 10), 'COUNCIL_MEMBER'],
      ['APPROVED', day(year + 1, 1, 15), 'OFFICER'],
      ['PUBLISHED', day(year + 1, 1, 20), 'OFFICER'],
    ] as const
  ).map(([stage, dueOn, ownerRole]) => ({ id: newId(), cycleId: cycle.id, stage, dueOn, ownerRole }));
  const transitions = [
    {
      id: newId(),
      cycleId: cycle.id,
      fromStatus: 'DRAFT' as const,
      toStatus: 'OPEN' as const,
      byUserId: officerId,
      at: new Date(Date.UTC(year, 0, 5, 2, 0, 0)),
    },
  ];

  // ------------------------------------------------------------ circumstances
  const circumstances = new Map<PersonDraft, Prisma.PersonCircumstanceCreateManyInput>();
  const circumstance = (person: PersonDraft) => {
    let found = circumstances.get(person);
    if (!found) {
      found = { id: newId(), cycleId: cycle.id, personId: person.row.id };
      circumstances.set(person, found);
    }
    return found;
  };
  for (const p of pickPeople(18, (d) => d.role === 'staff'))
    circumstance(p).monthsAbsent = random.pick([0.5, 1, 1, 1.5, 2]);
  for (const p of pickPeople(6, (d) => d.role === 'staff'))
    circumstance(p).monthsAbsent = random.pick([3, 3.5, 4, 5]);
  for (const p of pickPeople(1, (d) => d.role === 'staff'))
    Object.assign(circumstance(p), { monthsAbsent: 7, seriouslyIll: true });
  const young = (d: PersonDraft) =>
    d.gender === 'FEMALE' && d.row.birthDate > day(year - 40, 1, 1) && d.role === 'staff';
  for (const p of pickPeople(8, young)) {
    Object.assign(circumstance(p), { maternityLeave: true, pregnantOrChildUnder36Months: true });
  }
  for (const p of pickPeople(9, young)) circumstance(p).pregnantOrChildUnder36Months = true;
  for (const p of pickPeople(5, (d) => d.role !== 'head', badLuck)) circumstance(p).pendingProceedings = true;
  for (const p of pickPeople(1, (d) => d.role === 'staff')) circumstance(p).seriouslyIll = true;
  for (const p of pickPeople(1, (d) => d.role === 'staff' && d.row.sensitiveSector !== null)) {
    circumstance(p).studyLeave12Months = true;
  }
  for (const p of pickPeople(1, (d) => d.role === 'staff')) circumstance(p).seconded = true;
  const corruptionUnit = unitNamed('HA.XPT');
  circumstance(headOf('HA.XPT')).unitCorruptionCase = true;

  // ------------------------------------------------------------ tasks
  const tasks: Prisma.TaskCreateManyInput[] = [];
  const lateness: Record<Tier, { late: number; open: number; error: number }> = {
    strong: { late: 0.02, open: 0, error: 0.01 },
    normal: { late: 0.08, open: 0.01, error: 0.04 },
    weak: { late: 0.3, open: 0.05, error: 0.12 },
    poor: { late: 0.5, open: 0.12, error: 0.25 },
  };
  const quantityRatio: Record<Tier, [number, number]> = {
    strong: [1, 1.3],
    normal: [0.95, 1.15],
    weak: [0.75, 1.02],
    poor: [0.5, 0.95],
  };
  const excuses = [
    'Chờ ý kiến của cơ quan cấp trên',
    'Hồ sơ phải bổ sung theo yêu cầu của cơ quan phối hợp',
    'Ảnh hưởng của bão, lũ tháng 10',
    'Hệ thống phần mềm dùng chung gặp sự cố',
  ];
  const otherUnitName = (self: UnitNode) => {
    let other = random.pick(nodes);
    if (other === self) other = random.pick(nodes);
    return other.spec.name;
  };
  // job positions and the 2026 catalogue: the products each position's work is converted to
  const jobPositionRows = jobPositions.map((position) => ({
    id: newId(),
    code: position.code,
    name: position.name,
  }));
  const jobPositionId = new Map(jobPositionRows.map((row) => [row.code, row.id]));
  const products = jobPositions.flatMap((position) =>
    position.products.map((product) => ({
      id: newId(),
      cycleId: cycle.id,
      jobPositionId: jobPositionId.get(position.code) ?? '',
      code: product.code,
      name: product.name,
      unitOfCount: product.unitOfCount,
      coefficient: product.coefficient,
    })),
  );
  const catalogue = new Map(
    jobPositions.map((position) => [
      position.code,
      position.products.map((product, i) => ({
        ...product,
        id:
          products.find(
            (p) => p.jobPositionId === jobPositionId.get(position.code) && p.code === product.code,
          )?.id ?? '',
        main: i === 0,
      })),
    ]),
  );
  for (const person of drafts) {
    if (person.row.category === 'NGUOI_LAO_DONG') continue; // no catalogue: free tasks only
    person.row.jobPositionId =
      jobPositionId.get(jobPositionOf(person.row.positionTitle ?? '', person.role !== 'staff')) ?? null;
  }
  // the reception desk of the province's service centre is its own group of similar tasks for the
  // excellent quota (a group inside one unit: a run in chunks keeps a unit whole)
  for (const person of drafts) {
    if (person.unit.spec.code === 'HA.VPUB.TTPVHCC' && person.role === 'staff' && person.row.citizenFacing) {
      person.row.quotaGroup = 'NHOM-TIEPNHAN';
    }
  }
  const positionCode = new Map(jobPositionRows.map((row) => [row.id, row.code]));
  const quarterEnd = (q: number) => addDays(day(q === 4 ? year + 1 : year, q === 4 ? 1 : q * 3 + 1, 1), -1);
  const quarterStart = (q: number) => day(year, (q - 1) * 3 + 1, 1);
  const niceQuantity = (target: number) => {
    if (target <= 5) return Math.max(1, Math.round(target));
    if (target <= 30) return Math.round(target / 2) * 2;
    if (target <= 200) return Math.round(target / 10) * 10;
    return Math.round(target / 50) * 50;
  };
  const transferred = drafts.find(
    (d) =>
      d.unit.spec.code === transfer.from &&
      d.role === 'staff' &&
      d.row.category === 'CONG_CHUC' &&
      !reserved.has(d),
  );
  if (!transferred) throw new Error('demo province too small for the transfer');
  reserved.add(transferred);
  const transferredFrom = transferred.unit;
  transferred.unit = unitNamed(transfer.to);
  transferred.row.unitId = transferred.unit.id;
  transferred.tier = 'normal';
  let excusedShown = false;
  for (const person of drafts) {
    const hiredThisYear = person.row.hiredOn >= yearStart;
    if (hiredThisYear && person.row.hiredOn > day(year, 8, 1)) continue; // too new: no tasks recorded
    const profileTitles =
      taskTitles[
        person.role === 'staff'
          ? person.unit.spec.profile
          : ['DIVISION', 'CENTER', 'COMMUNE', 'WARD', 'SPECIAL_ZONE'].includes(person.unit.spec.kind)
            ? person.unit.spec.profile
            : 'leadership'
      ];
    const odds = lateness[person.tier];
    const items = person.row.jobPositionId
      ? (catalogue.get(positionCode.get(person.row.jobPositionId) ?? '') ?? [])
      : [];
    let n = 0;
    for (let q = 1; q <= 4; q++) {
      const start = maxDate(
        quarterStart(q),
        hiredThisYear ? addDays(person.row.hiredOn, 14) : quarterStart(q),
      );
      const end = quarterEnd(q);
      if (start > end) continue; // not yet hired in this quarter: the period is left out
      // the products of the quarter: the position's main product and one or two others
      const chosen =
        items.length > 0 ? [items[0], ...random.shuffle(items.slice(1)).slice(0, random.int(1, 2))] : [];
      const work: {
        title: string;
        productId: string | null;
        planned: number;
        weight: number;
        dueOn: Date;
      }[] = [];
      for (const item of chosen) {
        if (!item) continue;
        const planned = niceQuantity((random.int(3, 9) * (item.main ? 2 : 1)) / item.coefficient);
        work.push({
          title: item.name,
          productId: item.id,
          planned,
          weight: Math.round(planned * item.coefficient * 1000) / 1000,
          dueOn: item.main ? end : random.dateBetween(addDays(start, 20), end),
        });
      }
      if (items.length === 0 || random.chance(0.35)) {
        const quarter = `quý ${roman[q - 1]}/${year}`;
        work.push({
          title: random
            .pick(random.chance(0.72) ? profileTitles : commonTaskTitles)
            .replace('{q}', quarter)
            .replace('{unit}', otherUnitName(person.unit)),
          productId: null,
          planned: 1,
          weight: random.weighted([
            [1, 75],
            [2, 15],
            [0.5, 10],
          ] as const),
          dueOn: random.dateBetween(addDays(start, 10), end),
        });
      }
      for (const item of work) {
        n++;
        const quantitative = item.planned > 1;
        const [low, high] = quantityRatio[person.tier];
        let actual = quantitative
          ? Math.round(item.planned * Math.min(1.2, low + random.next() * (high - low)))
          : person.tier === 'poor' && random.chance(0.2)
            ? 0.5
            : 1;
        let completedOn: Date | null;
        let delays = 0;
        let excused = false;
        let excuseNote: string | null = null;
        let excusedBy: string | null = null;
        if (q === 4 && random.chance(odds.open)) {
          completedOn = null;
          actual = Math.floor(item.planned * random.next() * 0.6);
        } else if (random.chance(odds.late)) {
          completedOn = minDate(addDays(item.dueOn, random.int(1, 25)), yearEnd);
          if (completedOn.getTime() === item.dueOn.getTime()) completedOn = addDays(item.dueOn, 1);
          delays = random.weighted([
            [1, 75],
            [2, 15],
            [0, 10],
          ] as const); // 0: lateness not recorded as a delay
          if (random.chance(0.2) || (!excusedShown && person === transferred)) {
            excused = true;
            excusedShown = true;
            excuseNote = random.pick(excuses);
            excusedBy = `${leaderTitles(person.unit.spec)[0]} ${headOf(person.unit.spec.code).row.fullName}`;
          }
        } else {
          completedOn = maxDate(addDays(item.dueOn, -random.int(0, 12)), start);
        }
        const majorErrors = random.chance(odds.error)
          ? random.weighted([
              [1, 85],
              [2, 15],
            ] as const)
          : 0;
        tasks.push({
          id: newId(),
          cycleId: cycle.id,
          personId: person.row.id,
          code: `${person.row.code}-Q${q}-${String(n).padStart(2, '0')}`,
          title: item.title,
          weight: item.weight,
          dueOn: item.dueOn,
          completedOn,
          planned: item.planned,
          actual,
          majorErrors,
          delays,
          excused,
          excuseNote,
          excusedBy,
          period: q,
          productId: item.productId,
          // the agency that assigned the work: the old one before the transfer
          assignedUnitId: person === transferred && q <= 2 ? transferredFrom.id : null,
        });
      }
    }
  }

  // ------------------------------------------------------------ dossiers and citizen votes
  const dossierStats: Prisma.DossierStatCreateManyInput[] = [];
  const lateShare: Record<Tier, [number, number]> = {
    strong: [0, 0.005],
    normal: [0.005, 0.03],
    weak: [0.03, 0.08],
    poor: [0.08, 0.15],
  };
  for (const person of drafts.filter((d) => d.row.dossierHandler)) {
    const oneStop = person.unit.spec.profile === 'one-stop' || person.unit.spec.profile === 'land-registry';
    const received = oneStop ? random.int(400, 1500) : random.int(120, 700);
    const processed = Math.round(received * (0.93 + random.next() * 0.06));
    const [lo, hi] = lateShare[person.tier];
    const late = Math.round(processed * (lo + random.next() * (hi - lo)));
    const early = Math.round(processed * (0.15 + random.next() * 0.25));
    const apologies = Math.round(late * (0.4 + random.next() * 0.5));
    // the one-stop system reports per quarter: the year's counts split over the four quarters
    const shares = [0.24, 0.25, 0.26, 0.25];
    const split = (total: number) => {
      const parts = shares.map((share) => Math.floor(total * share));
      parts[3] = total - (parts[0] ?? 0) - (parts[1] ?? 0) - (parts[2] ?? 0);
      return parts;
    };
    const [r, e, l, a] = [split(received), split(early), split(late), split(apologies)];
    const onTime = split(processed - early - late);
    for (let q = 0; q < 4; q++) {
      dossierStats.push({
        id: newId(),
        cycleId: cycle.id,
        personId: person.row.id,
        period: q + 1,
        received: r[q] ?? 0,
        early: e[q] ?? 0,
        onTime: onTime[q] ?? 0,
        late: l[q] ?? 0,
        apologies: a[q] ?? 0,
      });
    }
  }
  const citizenVotes: Prisma.CitizenVoteCreateManyInput[] = [];
  const satisfaction: Record<Tier, [number, number]> = {
    strong: [0.95, 0.995],
    normal: [0.86, 0.97],
    weak: [0.7, 0.86],
    poor: [0.5, 0.72],
  };
  for (const person of drafts.filter((d) => d.row.citizenFacing)) {
    const totalVotes = random.chance(0.06) ? random.int(4, 18) : random.int(25, 320);
    const [lo, hi] = satisfaction[person.tier];
    const sources = random.chance(0.7) ? ['KIOSK', 'PORTAL'] : ['SURVEY'];
    let remaining = totalVotes;
    sources.forEach((source, i) => {
      const votes =
        i === sources.length - 1 ? remaining : Math.round(totalVotes * (0.5 + random.next() * 0.3));
      remaining -= votes;
      const happy = Math.round(votes * (lo + random.next() * (hi - lo)));
      const verySatisfied = Math.round(happy * (0.55 + random.next() * 0.2));
      citizenVotes.push({
        id: newId(),
        cycleId: cycle.id,
        personId: person.row.id,
        source,
        verySatisfied,
        satisfied: happy - verySatisfied,
        dissatisfied: votes - happy,
      });
    });
  }

  // ------------------------------------------------------------ unit statistics
  const unitStats = nodes
    .filter((node) => node.spec.validTo === undefined)
    .map((node) => {
      const measured = node.spec.kind !== 'DIVISION';
      const serves = drafts.some((d) => d.unit === node && d.row.citizenFacing);
      return {
        id: newId(),
        cycleId: cycle.id,
        unitId: node.id,
        parIndex: measured ? Math.round((76 + random.next() * 18) * 100) / 100 : null,
        satisfactionIndex: measured || serves ? Math.round((80 + random.next() * 15) * 10) / 10 : null,
        targetsCompletedPercent: node === corruptionUnit ? 46 : Math.round(88 + random.next() * 12),
        corruptionCase: node === corruptionUnit,
      };
    });

  // ------------------------------------------------------------ infractions
  const infractionNotes: Record<InfractionKind, readonly string[]> = {
    LATE: ['Đi làm muộn không có lý do', 'Đến muộn cuộc họp giao ban'],
    ABSENT: ['Nghỉ làm không xin phép', 'Vắng mặt tại vị trí làm việc trong giờ hành chính'],
    CONDUCT: [
      'Vi phạm quy tắc ứng xử nơi công sở',
      'Không đeo thẻ công chức khi làm việc',
      'Sử dụng điện thoại việc riêng khi tiếp dân',
    ],
    COMPLAINT_UPHELD: [
      'Phản ánh của người dân về thái độ tiếp nhận hồ sơ được xác minh đúng',
      'Khiếu nại về việc hướng dẫn hồ sơ nhiều lần được xác minh đúng',
    ],
  };
  const infractions: Prisma.InfractionCreateManyInput[] = [];
  for (const person of pickPeople(48, (d) => d.role !== 'head', badLuck)) {
    for (
      let i = random.weighted([
        [1, 60],
        [2, 28],
        [3, 12],
      ] as const);
      i > 0;
      i--
    ) {
      const kind: InfractionKind = random.weighted(
        (
          [
            ['LATE', 45],
            ['ABSENT', 15],
            ['CONDUCT', 25],
            ['COMPLAINT_UPHELD', person.row.citizenFacing ? 20 : 0],
          ] as const
        ).filter(([, w]) => w > 0),
      );
      infractions.push({
        id: newId(),
        cycleId: cycle.id,
        personId: person.row.id,
        kind,
        occurredOn: dateInYear(random, year, 1, 11),
        note: random.pick(infractionNotes[kind]),
      });
    }
  }

  // ------------------------------------------------------------ assessments
  const headUserId = userId('head');
  const inHeadDepartment = (unit: UnitNode | null): boolean =>
    unit !== null && (unit === headDepartment || inHeadDepartment(unit.parent));
  const comments = [
    'Chấp hành tốt kỷ luật, kỷ cương hành chính',
    'Tinh thần trách nhiệm cao, phối hợp tốt với đồng nghiệp',
    'Cần chủ động hơn trong tham mưu',
    'Thái độ phục vụ nhân dân tận tình, chu đáo',
    'Hoàn thành tốt nhiệm vụ được giao',
    null,
  ];
  const conductWeights: Record<Tier, readonly (readonly [number, number])[]> = {
    strong: [
      [10, 50],
      [9.5, 30],
      [9, 20],
    ],
    normal: [
      [10, 20],
      [9.5, 20],
      [9, 25],
      [8.5, 15],
      [8, 15],
      [7.5, 5],
    ],
    weak: [
      [9, 15],
      [8.5, 20],
      [8, 35],
      [7.5, 20],
      [7, 10],
    ],
    poor: [
      [8, 30],
      [7.5, 35],
      [7, 35],
    ],
  };
  const headAssessments = drafts
    .filter((d) => d.row.hiredOn < day(year, 10, 1))
    .map((person) => ({
      id: newId(),
      cycleId: cycle.id,
      personId: person.row.id,
      conductAssessment: random.weighted(conductWeights[person.tier]),
      comment: random.pick(comments),
      assessedById: person !== headPerson && inHeadDepartment(person.unit) ? headUserId : null,
    }));
  // the head of one unit gave all twelve of their people the same A = 10, every quarter
  const uniformUnit = unitNamed(uniformAssessmentUnit);
  const uniformHead = headOf(uniformAssessmentUnit);
  for (const row of headAssessments) {
    const person = drafts.find((d) => d.row.id === row.personId);
    if (person && person.unit === uniformUnit && person !== uniformHead) {
      row.conductAssessment = 10;
      row.assessedById = userId('truongphong.hctp');
    }
  }
  // quarters: Q1 and Q2 closed everywhere, Q3 closed by most units, Q4 still open
  const officeUnits = nodes.filter((node) => node.spec.validTo === undefined);
  const closesQ3 = new Set(
    officeUnits.filter(
      (node) => node !== headDepartment && node.parent !== headDepartment && random.chance(0.7),
    ),
  );
  const periodClosures: Prisma.PeriodClosureCreateManyInput[] = [];
  for (const node of officeUnits) {
    const head = headOf(node.spec.code);
    for (const q of [1, 2, 3]) {
      if (q === 3 && !closesQ3.has(node)) continue;
      periodClosures.push({
        id: newId(),
        cycleId: cycle.id,
        unitId: node.id,
        period: q,
        state: 'CLOSED',
        closedByName: head.row.fullName,
        closedAt: new Date(Date.UTC(year, q * 3, random.int(3, 12), random.int(1, 9))),
      });
    }
  }
  // the old agency closed the transferred person's first two quarters before they left
  const periodAssessments: Prisma.PeriodAssessmentCreateManyInput[] = [];
  const closedUnitsByPeriod = new Map<number, Set<string>>();
  for (const row of periodClosures) {
    const set = closedUnitsByPeriod.get(row.period) ?? new Set<string>();
    set.add(row.unitId);
    closedUnitsByPeriod.set(row.period, set);
  }
  for (const row of headAssessments) {
    const person = drafts.find((d) => d.row.id === row.personId);
    if (!person) continue;
    for (const q of [1, 2, 3, 4]) {
      const unitId = person === transferred && q <= 2 ? transferredFrom.id : person.unit.id;
      // assessed in a closed period, and in most open ones as the quarter goes
      if (!closedUnitsByPeriod.get(q)?.has(unitId) && !(q === 3 && random.chance(0.8))) continue;
      if (person.row.hiredOn > quarterEnd(q)) continue;
      const uniform = person.unit === uniformUnit && person !== uniformHead;
      periodAssessments.push({
        id: newId(),
        cycleId: cycle.id,
        personId: person.row.id,
        period: q,
        conductAssessment: uniform ? 10 : random.weighted(conductWeights[person.tier]),
        assessedById: uniform ? userId('truongphong.hctp') : (row.assessedById ?? null),
      });
    }
  }
  // a competent body's conclusion of degeneration in 2026 (rule 3.3)
  const degenerate = pickPeople(1, (d) => d.role === 'staff' && d.row.category === 'CONG_CHUC', badLuck)[0];
  const degenerations: Prisma.DegenerationConclusionCreateManyInput[] = degenerate
    ? [
        {
          id: newId(),
          personId: degenerate.row.id,
          decisionNumber: `45-KL/UBKT${degenerate.unit.agencyCode}`,
          decidedOn: day(year, 9, 18),
          body: 'Ủy ban Kiểm tra Đảng ủy',
          note: 'Kết luận suy thoái về đạo đức, lối sống',
        },
      ]
    : [];
  const achievements = [
    'Hoàn thành 100% nhiệm vụ được giao đúng tiến độ, bảo đảm chất lượng; tích cực tham gia cải cách hành chính.',
    'Hoàn thành các nhiệm vụ trọng tâm của năm; chủ động tham mưu nhiều văn bản có chất lượng.',
    'Giải quyết hồ sơ đúng hạn, không để tồn đọng; được người dân đánh giá hài lòng.',
    'Hoàn thành nhiệm vụ; tham gia đầy đủ các phong trào thi đua của cơ quan.',
  ];
  const selfAssessments = drafts
    .filter((d) => d !== staffPerson && d.row.hiredOn < day(year, 6, 1) && random.chance(0.35))
    .map((person) => ({
      id: newId(),
      cycleId: cycle.id,
      personId: person.row.id,
      achievements: random.pick(achievements),
      shortcomings: random.chance(0.5) ? 'Có lúc chưa chủ động trong phối hợp công việc.' : null,
      proposedRating: (person.tier === 'strong' ? 'EXCELLENT' : 'GOOD') as Rating,
      submittedAt: new Date(Date.UTC(year, 10, random.int(1, 20), random.int(1, 9), random.int(0, 59))),
    }));

  return {
    blocks,
    units,
    people,
    users,
    council,
    councilMembers,
    history,
    cycle,
    deadlines,
    transitions,
    tasks,
    unitStats,
    dossierStats,
    citizenVotes,
    discipline,
    infractions,
    initiatives,
    circumstances: [...circumstances.values()],
    headAssessments,
    selfAssessments,
    successions,
    jobPositions: jobPositionRows,
    products,
    periodAssessments,
    periodClosures,
    degenerations,
  };
}

type RawClient = Pick<Database['prisma'], '$queryRawUnsafe' | '$executeRawUnsafe'>;

async function insertDemoData(tx: RawClient, data: DemoData): Promise<void> {
  // parents before children: the foreign keys are checked row by row
  const tables: [string, readonly object[]][] = [
    ['EmulationBlock', data.blocks],
    ['Unit', data.units],
    ['UnitSuccession', data.successions],
    ['JobPosition', data.jobPositions],
    ['Person', data.people],
    ['User', data.users],
    ['Council', [data.council]],
    ['CouncilMember', data.councilMembers],
    ['RatingHistory', data.history],
    ['Cycle', [data.cycle]],
    ['Product', data.products],
    ['CycleDeadline', data.deadlines],
    ['CycleTransition', data.transitions],
    ['Task', data.tasks],
    ['UnitYearStat', data.unitStats],
    ['DossierStat', data.dossierStats],
    ['CitizenVote', data.citizenVotes],
    ['DisciplineDecision', data.discipline],
    ['Infraction', data.infractions],
    ['Initiative', data.initiatives],
    ['PersonCircumstance', data.circumstances],
    ['HeadAssessment', data.headAssessments],
    ['SelfAssessment', data.selfAssessments],
    ['PeriodAssessment', data.periodAssessments],
    ['PeriodClosure', data.periodClosures],
    ['DegenerationConclusion', data.degenerations],
  ];
  for (const [table, rows] of tables) await insertRows(tx, table, rows);
}

function summarize(data: DemoData, durationMs: number): SeedSummary {
  return {
    units: data.units.length,
    people: data.people.length,
    users: data.users.length,
    tasks: data.tasks.length,
    ratingHistory: data.history.length,
    dossierStats: data.dossierStats.length,
    citizenVotes: data.citizenVotes.length,
    disciplineDecisions: data.discipline.length,
    infractions: data.infractions.length,
    initiatives: data.initiatives.length,
    circumstances: data.circumstances.length,
    headAssessments: data.headAssessments.length,
    selfAssessments: data.selfAssessments.length,
    products: data.products.length,
    periodAssessments: data.periodAssessments.length,
    periodClosures: data.periodClosures.length,
    cycleId: data.cycle.id,
    durationMs,
  };
}

async function seedInTransaction(
  db: Database,
  options: SeedDemoOptions,
  whenNotEmpty: 'throw' | 'skip',
): Promise<SeedSummary | null> {
  const started = performance.now();
  const data = await buildDemoData(options);
  const inserted = await db.prisma.$transaction(
    async (tx) => {
      // two processes starting on one empty PostgreSQL database must not both seed it
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${seedLockKey})`);
      if ((await tx.unit.count()) > 0) {
        if (whenNotEmpty === 'skip') return false;
        throw new Error('the demo province needs an empty database: units already exist');
      }
      await insertDemoData(tx, data);
      return true;
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
  return inserted ? summarize(data, Math.round(performance.now() - started)) : null;
}

/** Fills an empty database with the demo province and the demo accounts, in one transaction. */
export async function seedDemo(db: Database, options: SeedDemoOptions): Promise<SeedSummary> {
  const summary = await seedInTransaction(db, options, 'throw');
  if (!summary) throw new Error('the demo province was not seeded');
  return summary;
}

/** Seeds the demo province only when the database has no units; returns null when it did nothing. */
export async function ensureDemoData(
  db: Database,
  options: Partial<SeedDemoOptions> = {},
): Promise<SeedSummary | null> {
  if ((await db.prisma.unit.count()) > 0) return null;
  return seedInTransaction(
    db,
    { ...options, password: options.password ?? process.env.DEMO_PASSWORD ?? 'demo' },
    'skip',
  );
}
