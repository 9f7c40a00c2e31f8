// A synthetic province for benchmarks: a unit tree (province → departments and districts →
// divisions and communes) with emulation blocks, N people with 12 tasks each, dossier statistics
// and citizen votes for the citizen-facing third, 3% disciplined in the year, infractions,
// initiatives, three years of rating history, head assessments and one evaluation cycle.
//
// The skeleton (units and the facts about people that several tables share) is built in memory;
// every table's rows are then produced lazily by a generator, so a 100,000-person province with
// 1.2 million tasks streams into the database without ever being held whole.
import { toSearchText } from '@cadre/db';
import {
  benchVietnameseNames,
  createIdFactory,
  createStream,
  makePersonName,
  type Random,
} from '@cadre/fixtures';
import {
  communePrefixes,
  departmentNames,
  districtPrefixes,
  divisionNames,
  initiativeTitles,
  placeNames,
  taskTitles,
} from './words.ts';

export type ColumnValue = string | number | boolean | null | readonly string[];
export type Row = ColumnValue[];

export type TableRows = {
  table: string;
  columns: readonly string[];
  rows: () => Iterable<Row>;
};

export type UnitKind = 'PROVINCE' | 'DEPARTMENT' | 'DISTRICT' | 'DIVISION' | 'COMMUNE' | 'CENTER';
/** how well a person works this year: drives every piece of their evidence */
export type Tier = 'strong' | 'normal' | 'weak' | 'poor';

export type UnitSeed = {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentIndex: number | null;
  blockCode: string | null;
};

export type PersonSeed = {
  id: string;
  code: string;
  unitIndex: number;
  /** the unit this person heads (their own unit), or null */
  leads: boolean;
  tier: Tier;
  /** disciplined (reprimand or above) in the evaluated year */
  disciplined: boolean;
  citizenFacing: boolean;
  dossierHandler: boolean;
  hiredOn: string;
  category: 'CAN_BO' | 'CONG_CHUC' | 'VIEN_CHUC' | 'NGUOI_LAO_DONG';
};

/** how the province tracks its people (Nghị định 335/2025: quarterly for công chức by default) */
export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';

export type ProvinceOptions = {
  people: number;
  seed?: number;
  /** default QUARTER: 24 assignments a person a year, dossier and vote counts per quarter */
  periodKind?: PeriodKind;
  /** the evaluated year (default 2026); history covers the three years before it */
  year?: number;
};

export type Province = {
  seed: number;
  year: number;
  periodKind: PeriodKind;
  cycleId: string;
  adminUserId: string;
  blocks: { id: string; code: string; name: string }[];
  units: UnitSeed[];
  people: PersonSeed[];
};

export const benchAdmin = { username: 'bench-admin', password: 'bench-password-2026' } as const;
export const defaultSeed = 20_261_123;
/** periods in a year of each kind */
export const periodsIn: Record<PeriodKind, number> = { YEAR: 1, QUARTER: 4, MONTH: 12 };
/** assignments a person gets in a year: monthly work for a yearly province, more with closer tracking */
export const tasksPerPersonFor: Record<PeriodKind, number> = { YEAR: 12, QUARTER: 24, MONTH: 48 };

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const isoDay = (year: number, month: number, dayOfMonth: number) =>
  `${year}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
const dayMs = 86_400_000;
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}
function randomDay(stream: Random, year: number, fromMonth = 1, toMonth = 12): string {
  const from = Date.UTC(year, fromMonth - 1, 1);
  const to = Date.UTC(year, toMonth, 0);
  return new Date(from + stream.int(0, Math.round((to - from) / dayMs)) * dayMs).toISOString().slice(0, 10);
}

/** Units, blocks and the shared facts about people: everything other tables refer to. */
export function buildProvince(options: ProvinceOptions): Province {
  const seed = options.seed ?? defaultSeed;
  const year = options.year ?? 2026;
  const periodKind = options.periodKind ?? 'QUARTER';
  const total = Math.max(1, Math.floor(options.people));
  const stream = createStream(seed, 'skeleton');
  const unitId = createIdFactory(seed, 'Unit');
  const personId = createIdFactory(seed, 'Person');
  const blockId = createIdFactory(seed, 'EmulationBlock');

  // about 50 people per division/commune; as many top-level units as leaves under each
  const leaves = Math.max(2, Math.ceil(total / 50));
  const topLevel = Math.min(60, Math.max(2, Math.round(Math.sqrt(leaves))));
  const blocks: Province['blocks'] = [
    { id: blockId(), code: 'KHOI-SO', name: 'Khối các sở, ban, ngành' },
    { id: blockId(), code: 'CUM-HUYEN', name: 'Cụm các huyện, thị xã, thành phố' },
  ];
  const units: UnitSeed[] = [
    {
      id: unitId(),
      code: 'TINH',
      name: 'UBND tỉnh Bình Sơn',
      kind: 'PROVINCE',
      parentIndex: null,
      blockCode: null,
    },
  ];
  const tops: number[] = [];
  for (let t = 0; t < topLevel; t++) {
    const department = t % 2 === 0;
    const ordinal = Math.floor(t / 2) + 1;
    const code = department ? `S${pad(ordinal, 2)}` : `H${pad(ordinal, 2)}`;
    const name = department
      ? `${departmentNames[(ordinal - 1) % departmentNames.length]}${ordinal > departmentNames.length ? ` ${ordinal}` : ''}`
      : `UBND ${stream.pick(districtPrefixes)} ${placeNames[(ordinal - 1) % placeNames.length]}${ordinal > placeNames.length ? ` ${ordinal}` : ''}`;
    tops.push(units.length);
    units.push({
      id: unitId(),
      code,
      name,
      kind: department ? 'DEPARTMENT' : 'DISTRICT',
      parentIndex: 0,
      blockCode: department ? 'KHOI-SO' : 'CUM-HUYEN',
    });
    const childBlock = department ? `KHOI-${code}` : `CUM-${code}`;
    blocks.push({
      id: blockId(),
      code: childBlock,
      name: department ? `Khối các phòng, đơn vị thuộc ${name}` : `Cụm các xã, phường thuộc ${name}`,
    });
  }
  const leafIndexes: number[] = [];
  for (let leaf = 0; leaf < leaves; leaf++) {
    const parentIndex = tops[leaf % topLevel] as number;
    const parent = units[parentIndex] as UnitSeed;
    const ordinal = Math.floor(leaf / topLevel) + 1;
    const department = parent.kind === 'DEPARTMENT';
    const kind: UnitKind = department ? (ordinal % 5 === 0 ? 'CENTER' : 'DIVISION') : 'COMMUNE';
    const name = department
      ? `${divisionNames[(ordinal - 1) % divisionNames.length]}${ordinal > divisionNames.length ? ` ${ordinal}` : ''}`
      : `UBND ${stream.pick(communePrefixes)} ${placeNames[(ordinal * 7 + leaf) % placeNames.length]} ${ordinal}`;
    leafIndexes.push(units.length);
    units.push({
      id: unitId(),
      code: `${parent.code}.${department ? 'P' : 'X'}${pad(ordinal, 2)}`,
      name: department ? `${name} – ${parent.name}` : name,
      kind,
      parentIndex,
      blockCode: department ? `KHOI-${parent.code}` : `CUM-${parent.code}`,
    });
  }

  // who works where: a small leadership in the province and top-level units, the rest in leaves
  const placement: number[] = [];
  const leadership = Math.min(total, 5 + topLevel * 4);
  for (let i = 0; i < leadership; i++) placement.push(i < 5 ? 0 : (tops[Math.floor((i - 5) / 4)] as number));
  const weights = leafIndexes.map(() => 0.5 + stream.next());
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = total - placement.length;
  for (let l = 0; l < leafIndexes.length && remaining > 0; l++) {
    const share =
      l === leafIndexes.length - 1
        ? remaining
        : Math.min(remaining, Math.round(((total - leadership) * (weights[l] as number)) / weightSum));
    for (let i = 0; i < share; i++) placement.push(leafIndexes[l] as number);
    remaining -= share;
  }
  for (let i = 0; remaining > 0; i++, remaining--)
    placement.push(leafIndexes[i % leafIndexes.length] as number);

  const led = new Set<number>();
  const people: PersonSeed[] = placement.map((unitIndex, index) => {
    const unit = units[unitIndex] as UnitSeed;
    const leads = !led.has(unitIndex);
    if (leads) led.add(unitIndex);
    const tier = stream.weighted<Tier>([
      ['strong', 0.22],
      ['normal', 0.6],
      ['weak', 0.14],
      ['poor', 0.04],
    ]);
    const citizenFacing =
      unit.kind === 'COMMUNE' || unit.kind === 'CENTER' ? stream.chance(0.6) : stream.chance(0.2);
    const category =
      unit.kind === 'CENTER'
        ? 'VIEN_CHUC'
        : stream.chance(0.04)
          ? 'NGUOI_LAO_DONG'
          : unit.kind === 'COMMUNE' || unit.kind === 'PROVINCE' || unit.kind === 'DISTRICT'
            ? stream.chance(0.4)
              ? 'CAN_BO'
              : 'CONG_CHUC'
            : 'CONG_CHUC';
    // a few people hired late in the year (not rated: under six months worked)
    const hiredYear = stream.chance(0.02) ? year : year - stream.int(1, 32);
    return {
      id: personId(),
      code: `CB${pad(index + 1, 6)}`,
      unitIndex,
      leads,
      tier,
      disciplined: stream.chance(tier === 'poor' ? 0.3 : tier === 'weak' ? 0.07 : 0.01),
      citizenFacing,
      dossierHandler: citizenFacing && stream.chance(0.75),
      hiredOn: hiredYear === year ? randomDay(stream, year, 2, 11) : randomDay(stream, hiredYear),
      category,
    };
  });
  return {
    seed,
    year,
    periodKind,
    cycleId: createIdFactory(seed, 'Cycle')(),
    adminUserId: createIdFactory(seed, 'User')(),
    blocks,
    units,
    people,
  };
}

const tierIndex: Record<Tier, number> = { strong: 0, normal: 1, weak: 2, poor: 3 };

/** 1..n */
const range = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

/**
 * The rows of every table in load order (foreign keys first). `passwordHash` is the admin account's
 * argon2 hash (hashing is slow, so the caller computes it once).
 */
export function provinceTables(province: Province, options: { passwordHash: string }): TableRows[] {
  const { seed, year, units, people, cycleId } = province;
  const now = new Date(Date.UTC(year, 10, 20)).toISOString();
  const ids = (table: string) => createIdFactory(seed, table);
  const streamFor = (table: string) => createStream(seed, table);
  const blockIdByCode = new Map(province.blocks.map((block) => [block.code, block.id]));
  const unitIds = units.map((unit) => unit.id);

  const table = (name: string, columns: readonly string[], rows: () => Iterable<Row>): TableRows => ({
    table: name,
    columns,
    rows,
  });

  return [
    table('EmulationBlock', ['id', 'code', 'name'], function* () {
      for (const block of province.blocks) yield [block.id, block.code, block.name];
    }),
    table(
      'Unit',
      ['id', 'code', 'name', 'searchName', 'kind', 'parentId', 'blockId', 'updatedAt'],
      function* () {
        for (const unit of units) {
          yield [
            unit.id,
            unit.code,
            unit.name,
            toSearchText(unit.name),
            unit.kind,
            unit.parentIndex === null ? null : (unitIds[unit.parentIndex] as string),
            unit.blockCode ? (blockIdByCode.get(unit.blockCode) ?? null) : null,
            now,
          ];
        }
      },
    ),
    table(
      'User',
      ['id', 'username', 'displayName', 'passwordHash', 'role', 'scopeUnitId', 'updatedAt'],
      function* () {
        yield [
          province.adminUserId,
          benchAdmin.username,
          'Quản trị đo hiệu năng',
          options.passwordHash,
          'ADMIN',
          null,
          now,
        ];
      },
    ),
    table(
      'Person',
      [
        'id',
        'code',
        'fullName',
        'searchName',
        'gender',
        'birthDate',
        'email',
        'unitId',
        'category',
        'positionTitle',
        'leadsUnitId',
        'hiredOn',
        'retirementOn',
        'sensitiveSector',
        'sensitiveSince',
        'citizenFacing',
        'dossierHandler',
        'updatedAt',
      ],
      function* () {
        const stream = streamFor('Person');
        const sectors = [
          'PERSONNEL',
          'FINANCE',
          'PUBLIC_ASSETS',
          'INVESTMENT',
          'CITIZEN_SERVICE',
          'LAND',
          'INSPECTION',
        ];
        for (const person of people) {
          const female = stream.chance(0.52);
          const fullName = makePersonName(stream, female ? 'FEMALE' : 'MALE', benchVietnameseNames).full;
          const hiredYear = Number(person.hiredOn.slice(0, 4));
          const birthYear = hiredYear - stream.int(22, 30);
          const birthDate = randomDay(stream, birthYear);
          const retirementOn = addDays(birthDate, Math.round((female ? 57 : 61) * 365.25));
          const unitIdOfPerson = unitIds[person.unitIndex] as string;
          const sensitive = stream.chance(person.citizenFacing ? 0.35 : 0.08);
          const sector = sensitive ? (person.citizenFacing ? 'CITIZEN_SERVICE' : stream.pick(sectors)) : null;
          const since = sensitive ? randomDay(stream, Math.max(hiredYear, year - stream.int(0, 6))) : null;
          yield [
            person.id,
            person.code,
            fullName,
            toSearchText(fullName),
            female ? 'FEMALE' : 'MALE',
            birthDate,
            null,
            unitIdOfPerson,
            person.category,
            person.leads ? 'Trưởng đơn vị' : stream.chance(0.15) ? 'Phó trưởng đơn vị' : 'Chuyên viên',
            person.leads ? unitIdOfPerson : null,
            person.hiredOn,
            retirementOn,
            sector,
            since,
            person.citizenFacing,
            person.dossierHandler,
            now,
          ];
        }
      },
    ),
    table(
      'Cycle',
      ['id', 'year', 'name', 'packId', 'status', 'scopeUnitId', 'createdById', 'periodKind', 'updatedAt'],
      function* () {
        yield [
          cycleId,
          year,
          `Đánh giá, xếp loại chất lượng năm ${year}`,
          'vn-nd335-2025',
          'ASSESSMENT',
          unitIds[0] as string,
          province.adminUserId,
          province.periodKind,
          now,
        ];
      },
    ),
    table(
      'UnitYearStat',
      [
        'id',
        'cycleId',
        'unitId',
        'parIndex',
        'satisfactionIndex',
        'targetsCompletedPercent',
        'corruptionCase',
      ],
      function* () {
        const stream = streamFor('UnitYearStat');
        const id = ids('UnitYearStat');
        for (const unit of units) {
          yield [
            id(),
            cycleId,
            unit.id,
            Math.round(Math.min(100, stream.around(84, 10)) * 10) / 10,
            Math.round(Math.min(100, stream.around(88, 8)) * 10) / 10,
            Math.round(Math.min(100, stream.around(92, 10)) * 10) / 10,
            stream.chance(0.003),
          ];
        }
      },
    ),
    table(
      'PersonCircumstance',
      [
        'id',
        'cycleId',
        'personId',
        'monthsAbsent',
        'maternityLeave',
        'pregnantOrChildUnder36Months',
        'pendingProceedings',
        'seriouslyIll',
        'studyLeave12Months',
        'seconded',
        'updatedAt',
      ],
      function* () {
        const stream = streamFor('PersonCircumstance');
        const id = ids('PersonCircumstance');
        for (const person of people) {
          if (!stream.chance(0.08)) continue;
          const kind = stream.weighted([
            ['maternity', 3],
            ['child', 3],
            ['absent', 2],
            ['proceedings', person.disciplined ? 6 : 1],
            ['other', 1],
          ] as const);
          yield [
            id(),
            cycleId,
            person.id,
            kind === 'absent' ? stream.int(1, 7) : 0,
            kind === 'maternity',
            kind === 'maternity' || kind === 'child',
            kind === 'proceedings',
            kind === 'other' && stream.chance(0.5),
            kind === 'other' && stream.chance(0.3),
            kind === 'other' && stream.chance(0.2),
            now,
          ];
        }
      },
    ),
    table('RatingHistory', ['id', 'personId', 'year', 'rating', 'titles'], function* () {
      const stream = streamFor('RatingHistory');
      const id = ids('RatingHistory');
      for (const person of people) {
        const hiredYear = Number(person.hiredOn.slice(0, 4));
        const base = tierIndex[person.tier];
        for (let past = year - 3; past < year; past++) {
          if (past <= hiredYear) continue;
          const level = Math.max(0, Math.min(3, base + stream.int(-1, 1) - (stream.chance(0.3) ? 1 : 0)));
          const rating = (['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const)[level] as string;
          const titles =
            level <= 1 ? (level === 0 && stream.chance(0.5) ? ['LDTT', 'CSTDCS'] : ['LDTT']) : [];
          yield [id(), person.id, past, rating, titles];
        }
      }
    }),
    table(
      'Task',
      [
        'id',
        'cycleId',
        'personId',
        'code',
        'title',
        'weight',
        'dueOn',
        'completedOn',
        'planned',
        'actual',
        'majorErrors',
        'delays',
        'excused',
        'period',
        'updatedAt',
      ],
      function* () {
        const stream = streamFor('Task');
        const id = ids('Task');
        const yearEnd = isoDay(year, 12, 31);
        const count = tasksPerPersonFor[province.periodKind];
        const periods = periodsIn[province.periodKind];
        const monthsPerPeriod = 12 / periods;
        const perPeriod = count / periods;
        for (const person of people) {
          const t = tierIndex[person.tier];
          for (let k = 0; k < count; k++) {
            // spread evenly over the periods, each due inside its period
            const period = Math.floor(k / perPeriod) + 1;
            const month =
              (period - 1) * monthsPerPeriod +
              1 +
              Math.floor(((k % perPeriod) * monthsPerPeriod) / perPeriod);
            const dayOfMonth = month === 2 ? 28 : ([10, 20, 27][k % 3] as number);
            const due = isoDay(year, month, dayOfMonth);
            const planned = stream.int(1, 20);
            const ratio = [1.15, 1.0, 0.9, 0.7][t] as number;
            const actual = Math.max(0, Math.round(planned * stream.around(ratio, 0.15)));
            const open = stream.chance([0.002, 0.01, 0.04, 0.12][t] as number);
            const late = !open && stream.chance([0.02, 0.08, 0.25, 0.5][t] as number);
            const delays = late ? stream.int(1, t + 1) : 0;
            // late work is finished by the year's end at the latest
            const daysLeft = Math.round(
              (Date.parse(`${yearEnd}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / dayMs,
            );
            const completed = open
              ? null
              : late
                ? addDays(due, Math.min(stream.int(3, 40), daysLeft))
                : addDays(due, -stream.int(0, 12));
            yield [
              id(),
              cycleId,
              person.id,
              `${person.code}-T${pad(k + 1, 2)}`,
              taskTitles[k % taskTitles.length] as string,
              stream.pick([1, 1, 1, 2, 3]),
              due,
              completed,
              planned,
              actual,
              stream.chance([0.01, 0.04, 0.12, 0.3][t] as number) ? stream.int(1, 2) : 0,
              delays,
              delays > 0 && stream.chance(0.1),
              province.periodKind === 'YEAR' ? null : period,
              now,
            ];
          }
        }
      },
    ),
    table(
      'DossierStat',
      ['id', 'cycleId', 'personId', 'period', 'received', 'early', 'onTime', 'late', 'apologies'],
      function* () {
        const stream = streamFor('DossierStat');
        const id = ids('DossierStat');
        // a yearly province has one row of the year's counts (period 0); else one row a period
        const periods = province.periodKind === 'YEAR' ? [0] : range(periodsIn[province.periodKind]);
        for (const person of people) {
          if (!person.dossierHandler) continue;
          const t = tierIndex[person.tier];
          for (const period of periods) {
            const received = Math.max(1, Math.round(stream.int(40, 900) / Math.max(1, periods.length)));
            const lateShare = Math.max(0, stream.around([0.005, 0.02, 0.06, 0.15][t] as number, 0.02));
            const late = Math.round(received * lateShare);
            const early = Math.round((received - late) * stream.around(0.25, 0.1));
            yield [
              id(),
              cycleId,
              person.id,
              period,
              received,
              early,
              received - late - early,
              late,
              Math.round(late * stream.next()),
            ];
          }
        }
      },
    ),
    table(
      'CitizenVote',
      ['id', 'cycleId', 'personId', 'source', 'period', 'verySatisfied', 'satisfied', 'dissatisfied'],
      function* () {
        const stream = streamFor('CitizenVote');
        const id = ids('CitizenVote');
        const periods = province.periodKind === 'YEAR' ? [0] : range(periodsIn[province.periodKind]);
        for (const person of people) {
          if (!person.citizenFacing) continue;
          const t = tierIndex[person.tier];
          const sources = stream.chance(0.5) ? ['KIOSK', 'PORTAL'] : ['KIOSK'];
          for (const source of sources) {
            for (const period of periods) {
              const votes = Math.max(1, Math.round(stream.int(5, 250) / Math.max(1, periods.length)));
              const unhappy = Math.round(
                votes * Math.max(0, stream.around([0.02, 0.06, 0.2, 0.4][t] as number, 0.05)),
              );
              const very = Math.round((votes - unhappy) * stream.around(0.6, 0.2));
              yield [id(), cycleId, person.id, source, period, very, votes - unhappy - very, unhappy];
            }
          }
        }
      },
    ),
    table(
      'DisciplineDecision',
      ['id', 'personId', 'form', 'number', 'decidedOn', 'actYear', 'concernsDuties', 'reason'],
      function* () {
        const stream = streamFor('DisciplineDecision');
        const id = ids('DisciplineDecision');
        let number = 0;
        for (const person of people) {
          const past = !person.disciplined && stream.chance(0.01);
          if (!person.disciplined && !past) continue;
          const decidedYear = person.disciplined ? year : year - stream.int(1, 3);
          number += 1;
          yield [
            id(),
            person.id,
            stream.weighted([
              ['KHIEN_TRACH', 70],
              ['CANH_CAO', 22],
              ['CACH_CHUC', 4],
              ['BUOC_THOI_VIEC', 1],
              ['HA_BAC_LUONG', 3],
            ] as const),
            `${pad(number, 4)}/QĐ-KL`,
            randomDay(stream, decidedYear),
            decidedYear,
            stream.chance(0.9),
            'Vi phạm quy định trong thực thi công vụ',
          ];
        }
      },
    ),
    table('Infraction', ['id', 'cycleId', 'personId', 'kind', 'occurredOn'], function* () {
      const stream = streamFor('Infraction');
      const id = ids('Infraction');
      for (const person of people) {
        const t = tierIndex[person.tier];
        let count = 0;
        while (count < 6 && stream.chance([0.05, 0.15, 0.4, 0.6][t] as number)) count += 1;
        for (let i = 0; i < count; i++) {
          yield [
            id(),
            cycleId,
            person.id,
            stream.weighted([
              ['LATE', 6],
              ['ABSENT', 2],
              ['CONDUCT', 1],
              ['COMPLAINT_UPHELD', person.citizenFacing ? 2 : 0],
            ] as const),
            randomDay(stream, year),
          ];
        }
      }
    }),
    table('Initiative', ['id', 'personId', 'kind', 'title', 'scope', 'recognizedOn'], function* () {
      const stream = streamFor('Initiative');
      const id = ids('Initiative');
      for (const person of people) {
        const chance = [0.12, 0.04, 0.01, 0][tierIndex[person.tier]] as number;
        for (let y = year - 3; y <= year; y++) {
          if (!stream.chance(chance)) continue;
          yield [
            id(),
            person.id,
            stream.chance(0.9) ? 'INITIATIVE' : 'RESEARCH',
            stream.pick(initiativeTitles),
            stream.weighted([
              ['GRASSROOTS', 85],
              ['PROVINCE', 13],
              ['NATIONAL', 2],
            ] as const),
            randomDay(stream, y, 3, 12),
          ];
        }
      }
    }),
    table(
      'HeadAssessment',
      ['id', 'cycleId', 'personId', 'conductAssessment', 'assessedById', 'updatedAt'],
      function* () {
        const stream = streamFor('HeadAssessment');
        const id = ids('HeadAssessment');
        for (const person of people) {
          const low = [9, 8, 6, 4][tierIndex[person.tier]] as number;
          yield [id(), cycleId, person.id, stream.int(low, 10), null, now];
        }
      },
    ),
  ];
}
